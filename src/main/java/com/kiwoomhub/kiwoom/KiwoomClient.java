package com.kiwoomhub.kiwoom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.kiwoomhub.canonical.CanonicalJson;

/**
 * The one path by which the hub calls a Kiwoom REST TR: token, path, headers, rate limit,
 * pagination, retries, error mapping and metering. Blocking; safe for concurrent use.
 *
 * <p>Pages: continuation pages are followed while Kiwoom says {@code cont-yn: Y} with a next-key and
 * the page had rows, up to {@code maxPages}, and while the call's {@link PageWalk} says go on. A
 * failed page fails the whole call: an error is never taken for the end of the data.
 *
 * <p>Retries (up to {@code kiwoom.client.retry.max-attempts} per page, exponential backoff):
 * 429/1700, 5xx, unreadable answers and connection failures. Order TRs are never sent twice
 * when the first attempt may have reached Kiwoom: a 5xx, a timeout after sending or a reset
 * raises {@link KiwoomAmbiguousOrderException}. A refused token (8005/8031/8103, HTTP 401) is
 * re-issued and the call retried once.
 */
public final class KiwoomClient {

    private static final Logger LOG = LoggerFactory.getLogger(KiwoomClient.class);

    private final KiwoomAccounts accounts;
    private final TokenManager tokens;
    private final RateLimiter limiter;
    private final KiwoomHttp http;
    private final KiwoomClientProperties.Retry retry;
    private final MeterRegistry meters;
    private final AccountOwnership ownership;
    private final ObjectMapper json = CanonicalJson.mapper();

    public KiwoomClient(KiwoomAccounts accounts, TokenManager tokens, RateLimiter limiter, KiwoomHttp http,
                        KiwoomClientProperties.Retry retry, MeterRegistry meters) {
        this(accounts, tokens, limiter, http, retry, meters, AccountOwnership.ALL);
    }

    /** Calls only for accounts that {@code ownership} says this instance owns (fencing; see hub.cluster). */
    public KiwoomClient(KiwoomAccounts accounts, TokenManager tokens, RateLimiter limiter, KiwoomHttp http,
                        KiwoomClientProperties.Retry retry, MeterRegistry meters, AccountOwnership ownership) {
        this.accounts = accounts;
        this.ownership = ownership;
        this.tokens = tokens;
        this.limiter = limiter;
        this.http = http;
        this.retry = retry;
        this.meters = meters;
    }

    /** Calls {@code apiId} for the account with this alias (null or blank = the primary account). */
    public TrResponse call(String accountAlias, String apiId, Object body, CallOptions options) {
        KiwoomAccount account = accountAlias == null || accountAlias.isBlank() ? accounts.primary() : accounts.get(accountAlias);
        return call(account, apiId, body, options);
    }

    /**
     * Calls {@code apiId} with {@code body} (a {@code Map}, a Jackson {@code JsonNode}, a JSON
     * object string, or null for {@code {}}) and follows continuation pages as {@code options} allow.
     *
     * @throws KiwoomException with the typed {@link KiwoomError}; {@link KiwoomAmbiguousOrderException}
     *         when an order's outcome is unknown
     */
    public TrResponse call(KiwoomAccount account, String apiId, Object body, CallOptions options) {
        TrGroup group = TrGroup.of(apiId);
        String request = requestJson(account, apiId, body);
        RateLimiter.Priority priority = options.priority() != null ? options.priority()
                : group.placesOrders() ? RateLimiter.Priority.ORDER : RateLimiter.Priority.QUERY;
        try {
            TrResponse response = walk(account, group, apiId, request, options, priority);
            callCounter(account, apiId, "success").increment();
            return response;
        } catch (RuntimeException e) {
            callCounter(account, apiId, "error").increment();
            throw e;
        }
    }

    private TrResponse walk(KiwoomAccount account, TrGroup group, String apiId, String request, CallOptions options,
                            RateLimiter.Priority priority) {
        List<JsonNode> pages = new ArrayList<>();
        String listKey = options.listKey();
        String nextKey = options.nextKey();
        boolean more = nextKey != null;
        boolean proceed;
        do {
            Page page = fetch(account, group, apiId, request, more ? nextKey : null, priority);
            pages.add(page.body());
            if (listKey == null) {
                listKey = firstArrayField(page.body());
            }
            nextKey = page.nextKey();
            int rows = rowCount(page.body(), listKey);
            more = "Y".equalsIgnoreCase(page.contYn()) && nextKey != null && rows != 0;
            proceed = options.walk() == null || options.walk().proceed(new PageWalk.Page(pages.size(), page.body(), rows, more));
        } while (more && proceed && pages.size() < options.maxPages());
        return new TrResponse(apiId, account.alias(), merge(pages, listKey), List.copyOf(pages), listKey,
                more, more ? nextKey : null);
    }

    private record Page(JsonNode body, String contYn, String nextKey) {
    }

    /**
     * What one attempt at a page came to: the page; or Kiwoom's refusal or a transport failure
     * ({@code error}, its {@code cause}, and the token it was sent with); or no token to send
     * ({@code tokenFailure}).
     */
    private record Attempt(Page page, KiwoomError error, Throwable cause, String token, KiwoomException tokenFailure) {

        static Attempt answered(Page page) {
            return new Attempt(page, null, null, null, null);
        }

        static Attempt failed(KiwoomError error, Throwable cause, String token) {
            return new Attempt(null, error, cause, token, null);
        }

        static Attempt withoutToken(KiwoomException failure) {
            return new Attempt(null, null, null, null, failure);
        }
    }

    /** One page, with the retry, re-authentication and ambiguity rules. */
    private Page fetch(KiwoomAccount account, TrGroup group, String apiId, String request, String nextKey,
                       RateLimiter.Priority priority) {
        Map<String, String> headers = requestHeaders(apiId, nextKey);
        boolean reissued = false;
        int attempt = 0;
        while (true) {
            attempt++;
            Attempt tried = attempt(account, group, apiId, request, headers, priority);
            if (tried.page() != null) {
                return tried.page();
            }
            if (tried.tokenFailure() != null) {
                // The token could not be had; only a transient cause is worth another attempt.
                KiwoomException e = tried.tokenFailure();
                errorCounter(account, apiId, e.error()).increment();
                if (!e.category().retryable() || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                backoff(account, apiId, attempt);
                continue;
            }
            KiwoomError error = tried.error();
            errorCounter(account, apiId, error).increment();
            if (error.reissuesToken() && !reissued) {
                reissued = true;
                attempt--;
                LOG.info("Kiwoom refused the token of account '{}' on {} ({}); re-issuing once", account.alias(), apiId,
                        error.code());
                tokens.invalidate(account, tried.token());
                continue;
            }
            if (group.placesOrders() && error.category() == KiwoomErrorCategory.SERVER) {
                throw new KiwoomAmbiguousOrderException(account.alias(), error, tried.cause());
            }
            if (!error.category().retryable() || attempt >= retry.maxAttempts()) {
                throw new KiwoomException(account.alias(), error, tried.cause());
            }
            retrying(account, apiId, error, attempt);
            backoff(account, apiId, attempt);
        }
    }

    /** The TR's id and, for a continuation page, Kiwoom's continuation headers. */
    private static Map<String, String> requestHeaders(String apiId, String nextKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("api-id", apiId);
        if (nextKey != null) {
            headers.put("cont-yn", "Y");
            headers.put("next-key", nextKey);
        }
        return headers;
    }

    /**
     * One request of a page: token, rate-limit slot, POST. An order that may have reached Kiwoom
     * without an answer raises {@link KiwoomAmbiguousOrderException}; an interrupted call raises too.
     */
    private Attempt attempt(KiwoomAccount account, TrGroup group, String apiId, String request,
                            Map<String, String> headers, RateLimiter.Priority priority) {
        String token = null;
        try {
            // The token first: an issue can take a while, and the slot must be taken right before the POST.
            fence(account, apiId);
            String bearer = tokens.token(account);
            limiter.acquire(account, apiId, priority);
            fence(account, apiId);
            token = bearer;
            headers.put("authorization", "Bearer " + token);
            return read(apiId, post(account, group, apiId, request, headers), token);
        } catch (KiwoomException e) {
            return Attempt.withoutToken(e);
        } catch (IOException e) {
            KiwoomError error = KiwoomError.local(KiwoomErrorCategory.TRANSPORT, e.getClass().getSimpleName(),
                    e.getMessage() == null ? "connection failed" : e.getMessage(), apiId);
            if (group.placesOrders() && !KiwoomHttp.surelyNotSent(e)) {
                errorCounter(account, apiId, error).increment();
                throw new KiwoomAmbiguousOrderException(account.alias(), error, e);
            }
            return Attempt.failed(error, e, token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            KiwoomError error = KiwoomError.local(KiwoomErrorCategory.TRANSPORT, "interrupted", "call interrupted", apiId);
            errorCounter(account, apiId, error).increment();
            // The token is set just before the POST, so an order interrupted after it may have left.
            if (group.placesOrders() && token != null) {
                throw new KiwoomAmbiguousOrderException(account.alias(), error, e);
            }
            throw new KiwoomException(account.alias(), error, e);
        }
    }

    /** The HTTP request itself, timed. */
    private KiwoomHttp.Reply post(KiwoomAccount account, TrGroup group, String apiId, String request,
                                  Map<String, String> headers) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try {
            return http.post(account.baseUrl() + group.path(), headers, request);
        } finally {
            latency(account, apiId).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** A page for HTTP 200 with return_code 0 (with its continuation headers); Kiwoom's error otherwise. */
    private Attempt read(String apiId, KiwoomHttp.Reply reply, String token) {
        JsonNode answer = readObject(reply.body());
        Integer rc = answer == null || !answer.hasNonNull("return_code") ? null : answer.get("return_code").asInt();
        if (reply.status() == 200 && rc != null && rc == 0) {
            return Attempt.answered(new Page(answer, reply.header("cont-yn"), blankToNull(reply.header("next-key"))));
        }
        String message = answer == null ? "" : answer.path("return_msg").asText("");
        return Attempt.failed(KiwoomError.of(apiId, reply.status(), rc, message), null, token);
    }

    private void retrying(KiwoomAccount account, String apiId, KiwoomError error, int attempt) {
        LOG.debug("Kiwoom {} for account '{}' failed with {} {}, attempt {} of {}", apiId, account.alias(),
                error.category(), error.code(), attempt, retry.maxAttempts());
        Counter.builder("kiwoom.tr.retries").description("Kiwoom TR requests sent again after a transient failure")
                .tag("account", account.alias()).tag("apiId", apiId).tag("category", error.category().name())
                .register(meters).increment();
    }

    /** Nothing leaves for an account another instance may own by now (hub.cluster fencing). */
    private void fence(KiwoomAccount account, String apiId) {
        if (!ownership.owns(account.alias())) {
            throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.NOT_OWNER, "not-owner",
                    "this hub instance does not own account '" + account.alias() + "' (hub.cluster); nothing was sent",
                    apiId), null);
        }
    }

    private void backoff(KiwoomAccount account, String apiId, int attempt) {
        long base = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, retry.maxBackoff().toMillis());
        // Up to 20 % jitter so that routes failing together do not come back together.
        long delay = capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.TRANSPORT, "interrupted",
                    "interrupted while backing off", apiId), e);
        }
    }

    private String requestJson(KiwoomAccount account, String apiId, Object body) {
        if (body == null) {
            return "{}";
        }
        try {
            if (!(body instanceof CharSequence chars)) {
                return json.writeValueAsString(body);
            }
            String text = chars.toString().trim();
            if (text.isEmpty()) {
                return "{}";
            }
            if (json.readTree(text).isObject()) {
                return text;
            }
        } catch (JsonProcessingException e) {
            // Reported below: the caller gets one error type for any unusable body.
        }
        throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.INVALID_REQUEST, "body",
                "the request body must be a JSON object", apiId), null);
    }

    private JsonNode readObject(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstArrayField(JsonNode page) {
        for (Iterator<Map.Entry<String, JsonNode>> it = page.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                return field.getKey();
            }
        }
        return null;
    }

    /** Rows in a page; -1 for a flat TR, which never stops a walk by itself. */
    private static int rowCount(JsonNode page, String listKey) {
        JsonNode list = listKey == null ? null : page.get(listKey);
        return list != null && list.isArray() ? list.size() : -1;
    }

    private static JsonNode merge(List<JsonNode> pages, String listKey) {
        ObjectNode merged = pages.get(0).deepCopy();
        if (listKey == null || pages.size() == 1) {
            return merged;
        }
        ArrayNode rows = merged.putArray(listKey);
        for (JsonNode page : pages) {
            JsonNode list = page.get(listKey);
            if (list != null && list.isArray()) {
                rows.addAll((ArrayNode) list);
            }
        }
        return merged;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Counter callCounter(KiwoomAccount account, String apiId, String outcome) {
        return Counter.builder("kiwoom.tr.calls").description("Kiwoom TR calls (all pages of one call count once)")
                .tag("account", account.alias()).tag("apiId", apiId).tag("outcome", outcome).register(meters);
    }

    private Counter errorCounter(KiwoomAccount account, String apiId, KiwoomError error) {
        return Counter.builder("kiwoom.tr.errors").description("Failed Kiwoom TR requests, retried ones included")
                .tag("account", account.alias()).tag("apiId", apiId)
                .tag("category", error.category().name()).tag("code", error.code()).register(meters);
    }

    private Timer latency(KiwoomAccount account, String apiId) {
        return Timer.builder("kiwoom.tr.latency").description("Latency of one Kiwoom TR HTTP request (one page)")
                .tag("account", account.alias()).tag("apiId", apiId).publishPercentileHistogram().register(meters);
    }
}
