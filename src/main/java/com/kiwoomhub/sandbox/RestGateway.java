package com.kiwoomhub.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.sandbox.SandboxAccount.Side;

/**
 * Kiwoom's REST rules in front of the TR handlers, checked in this order: api-id present (1501) and
 * known (1505) and served by this URI (1504); authorization header present and well-formed
 * (1513-1516); token valid (8005); request budget (HTTP 429, 1700); then the TR itself.
 * The token endpoints take no authorization and may omit api-id.
 */
final class RestGateway {

    private static final Logger LOG = LoggerFactory.getLogger(RestGateway.class);
    /** TRs mockapi.kiwoom.com answers with RC9000 (docs/kiwoom-protocol.md §2.2). */
    private static final Set<String> NOT_IN_MOCK = Set.of("kt00002", "kt00015", "kt00016", "kt00017");

    /** What arrived over HTTP, already parsed. */
    record RestRequest(String path, String apiId, String authorization, boolean continuation, String nextKey,
                       Map<String, Object> body) {
    }

    private final TokenStore tokens;
    private final RequestBudget rateLimiter;
    private final Function<String, Optional<SandboxAccount>> accountOfAppKey;
    private final OAuthTr oauth;
    private final Map<String, Function<TrCall, TrReply>> handlers = new HashMap<>();
    private final RealtimeOutbox outbox;
    private final boolean mock;
    private final LongAdder rateLimited = new LongAdder();

    RestGateway(TokenStore tokens, RequestBudget rateLimiter, Function<String, Optional<SandboxAccount>> accountOfAppKey,
                OAuthTr oauth, QuoteTr quotes, IndexTr indices, CandleTr charts, AccountTr accounts, OrderTr orders,
                RealtimeOutbox outbox, boolean mock) {
        this.mock = mock;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.accountOfAppKey = accountOfAppKey;
        this.oauth = oauth;
        this.outbox = outbox;
        handlers.put("ka10001", quotes::basicInfo);
        handlers.put("ka10004", quotes::orderBook);
        handlers.put("ka10095", quotes::watchlist);
        handlers.put("ka20001", indices::currentIndex);
        for (String chart : new String[] {"ka10079", "ka10080", "ka10081", "ka10082", "ka10083", "ka10094"}) {
            handlers.put(chart, charts::handle);
        }
        handlers.put("ka00001", accounts::accountNumber);
        handlers.put("kt00001", accounts::deposit);
        handlers.put("kt00004", accounts::evaluation);
        handlers.put("kt00018", accounts::balance);
        handlers.put("ka10075", accounts::openOrders);
        handlers.put("ka10076", accounts::executions);
        handlers.put("kt10000", call -> orders.place(call, Side.BUY));
        handlers.put("kt10001", call -> orders.place(call, Side.SELL));
        handlers.put("kt10002", orders::modify);
        handlers.put("kt10003", orders::cancel);
    }

    /** The api-id a request is about: its header, or for the token URIs the TR they serve. */
    static String effectiveApiId(String path, String apiId) {
        if (apiId != null && !apiId.isBlank()) {
            return apiId.trim();
        }
        return switch (path) {
            case TrCatalog.TOKEN -> "au10001";
            case TrCatalog.REVOKE -> "au10002";
            default -> "";
        };
    }

    /** How many requests the budget has refused (HTTP 429, 1700) since start; injected faults not counted. */
    long rateLimited() {
        return rateLimited.sum();
    }

    /** The token of a well-formed {@code Bearer <token>} header. */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split(" +", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && !parts[1].isBlank()
                ? Optional.of(parts[1].trim()) : Optional.empty();
    }

    TrReply serve(RestRequest request) {
        try {
            return dispatch(request);
        } catch (TrFailure e) {
            return e.reply();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox TR {} failed", request.apiId(), e);
            return TrReply.error(200, 7, "서비스를 처리하는 중에 오류가 발생했습니다[1999:예기치 못한 에러가 발생했습니다. 실패사유="
                    + e.getClass().getSimpleName() + "]");
        } finally {
            outbox.flush();
        }
    }

    private TrReply dispatch(RestRequest request) {
        String apiId = effectiveApiId(request.path(), request.apiId());
        if (apiId.isEmpty()) {
            throw TrFailure.input("1501:API ID가 Null이거나 값이 없습니다");
        }
        String servedBy = TrCatalog.pathOf(apiId)
                .orElseThrow(() -> TrFailure.badRequest("1505:해당 API ID는 존재하지 않습니다. API ID=" + apiId));
        if (!servedBy.equals(request.path())) {
            throw TrFailure.badRequest("1504:해당 URI에서는 지원하는 API ID가 아닙니다. API ID=" + apiId + ", URI=" + request.path());
        }
        if (apiId.equals("au10001")) {
            return oauth.issue(request.body());
        }
        if (apiId.equals("au10002")) {
            return oauth.revoke(request.body());
        }
        String appKey = authenticate(request.authorization());
        if (!rateLimiter.tryAcquire(appKey, apiId)) {
            rateLimited.increment();
            return TrReply.rateLimited(apiId, rateLimiter.perSecond(apiId));
        }
        if (mock && NOT_IN_MOCK.contains(apiId)) {
            throw TrFailure.notSupportedInMock();
        }
        Function<TrCall, TrReply> handler = handlers.get(apiId);
        if (handler == null) {
            return TrReply.error(200, 7, "서비스를 처리하는 중에 오류가 발생했습니다[1999:예기치 못한 에러가 발생했습니다. 실패사유=sandbox에서 제공하지 않는 API ID="
                    + apiId + "]");
        }
        SandboxAccount account = accountOfAppKey.apply(appKey)
                .orElseThrow(() -> TrFailure.auth("8005:Token이 유효하지 않습니다"));
        return handler.apply(new TrCall(apiId, request.path(), request.body(), request.continuation(),
                request.nextKey(), account));
    }

    private String authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw TrFailure.input("1513:Http Header에 authorization 필드가 설정되어 있어야 합니다");
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            throw TrFailure.input("1514:입력으로 들어온 Http Header의 authorization 필드 형식이 맞지 않습니다");
        }
        if (!value.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw TrFailure.input("1515:Http Header의 authorization 필드 내 Grant Type이 미리 정의된 형식이 아닙니다");
        }
        String token = value.substring(space + 1).trim();
        if (token.isEmpty()) {
            throw TrFailure.input("1516:Http Header의 authorization 필드 내 Token이 정의되어 있지 않습니다");
        }
        return tokens.appKeyOf(token).orElseThrow(() -> TrFailure.auth("8005:Token이 유효하지 않습니다"));
    }
}
