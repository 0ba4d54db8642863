package com.kiwoomhub.kiwoom;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.kiwoomhub.canonical.CanonicalJson;

/**
 * One access token per app key (au10001), shared by every route and the WebSocket session.
 *
 * <p>Kiwoom hands out the <em>same</em> token until it expires, so a fresh issue may have only
 * minutes left: expiry always comes from {@code expires_dt} (KST), never from an assumed lifetime.
 * The token is re-issued once {@code expires_dt - refreshMargin} is reached, at most once per
 * {@code minReissueInterval} while the same token keeps coming back. Concurrent callers wait on a
 * single issue request. A failed refresh keeps the still-valid token in use and is not tried again
 * before {@code minReissueInterval}. Credential errors (8001, 8002, 8011, 8012, 8020, 8030) fail
 * with a configuration error naming the alias and are not asked again before that interval either.
 */
public final class TokenManager implements SessionTokens, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    private static final DateTimeFormatter EXPIRES_DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** What health and operators may know about an account's token; never the token itself. */
    public record TokenStatus(boolean valid, Instant validUntil, String lastErrorCode) {
    }

    /** An issued token; {@link #toString()} leaves the value out. */
    private record Issued(String value, Instant expiresAt, Instant refreshAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
        }
    }

    /** The token state of one app key. Guarded by its own monitor. */
    private static final class Slot {
        Issued current;
        CompletableFuture<Issued> pending;
        KiwoomException lastFailure;
        Instant failedAt;
        String lastErrorCode;
    }

    private final KiwoomHttp http;
    private final KiwoomClientProperties.Token settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AccountOwnership ownership;
    private final ObjectMapper json = CanonicalJson.mapper();
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, KiwoomAccount> issuedFor = new ConcurrentHashMap<>();

    public TokenManager(KiwoomHttp http, KiwoomClientProperties.Token settings, Clock clock, MeterRegistry meters) {
        this(http, settings, clock, meters, AccountOwnership.ALL);
    }

    /**
     * Revokes on shutdown only the tokens of accounts {@code ownership} still gives this instance: Kiwoom
     * hands every instance the same token of an app key, so revoking after a handover would end the
     * new owner's token.
     */
    public TokenManager(KiwoomHttp http, KiwoomClientProperties.Token settings, Clock clock, MeterRegistry meters,
                        AccountOwnership ownership) {
        this.ownership = ownership;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** A token valid now for the account's app key, issuing one if there is none or it is due. */
    @Override
    public String token(KiwoomAccount account) {
        Slot slot = slot(account);
        CompletableFuture<Issued> flight;
        boolean leader = false;
        Instant now = clock.instant();
        synchronized (slot) {
            Issued current = slot.current;
            boolean usable = current != null && now.isBefore(current.expiresAt());
            if (usable && now.isBefore(current.refreshAt())) {
                return current.value();
            }
            boolean failedRecently = slot.failedAt != null && slot.failedAt.plus(settings.minReissueInterval()).isAfter(now);
            if (failedRecently && usable) {
                return current.value();
            }
            if (failedRecently && slot.lastFailure != null) {
                throw slot.lastFailure;
            }
            if (slot.pending == null) {
                slot.pending = new CompletableFuture<>();
                leader = true;
            }
            flight = slot.pending;
        }
        if (leader) {
            issueInto(account, slot, flight);
        }
        try {
            return flight.join().value();
        } catch (CompletionException e) {
            synchronized (slot) {
                // A refresh that failed leaves a still-valid token in use.
                if (slot.current != null && clock.instant().isBefore(slot.current.expiresAt())) {
                    return slot.current.value();
                }
            }
            throw (KiwoomException) e.getCause();
        }
    }

    /**
     * Makes sure the account holds a token that is not due for renewal, issuing one if needed, and
     * tells how it stands; the token route calls it at startup and on a schedule, so that no
     * TR call has to wait for an issue.
     */
    public TokenStatus renew(KiwoomAccount account) {
        token(account);
        return status(account);
    }

    /** Drops {@code token} after Kiwoom refused it, so the next {@link #token} issues again. */
    @Override
    public void invalidate(KiwoomAccount account, String token) {
        Slot slot = slot(account);
        synchronized (slot) {
            if (slot.current != null && slot.current.value().equals(token)) {
                slot.current = null;
                slot.lastFailure = null;
            }
        }
    }

    public TokenStatus status(KiwoomAccount account) {
        Slot slot = slot(account);
        synchronized (slot) {
            Issued current = slot.current;
            boolean valid = current != null && clock.instant().isBefore(current.expiresAt());
            return new TokenStatus(valid, current == null ? null : current.expiresAt(), slot.lastErrorCode);
        }
    }

    /** The token's expiry as Kiwoom wrote it, in KST, if one is held. */
    public Optional<String> validUntilKst(KiwoomAccount account) {
        return Optional.ofNullable(status(account).validUntil())
                .map(at -> LocalDateTime.ofInstant(at, KST).toString() + "+09:00");
    }

    /** Revokes (au10002) every token this process issued for an account it still owns, when so configured. Called on shutdown. */
    @Override
    public void close() {
        if (!settings.revokeOnShutdown()) {
            return;
        }
        issuedFor.forEach((appKey, account) -> {
            Issued current;
            Slot slot = slots.get(appKey);
            synchronized (slot) {
                current = slot.current;
                slot.current = null;
            }
            if (current != null && clock.instant().isBefore(current.expiresAt()) && ownership.owns(account.alias())) {
                revoke(account, current.value());
            }
        });
    }

    private void revoke(KiwoomAccount account, String token) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("appkey", account.appKey());
        body.put("secretkey", account.secretKey());
        body.put("token", token);
        try {
            KiwoomHttp.Reply reply = http.post(account.baseUrl() + TrGroup.REVOKE.path(), Map.of("api-id", "au10002"),
                    json.writeValueAsString(body));
            JsonNode answer = readOrNull(reply.body());
            int rc = answer == null ? -1 : answer.path("return_code").asInt(-1);
            if (rc == 0) {
                LOG.info("Revoked the Kiwoom token of account '{}'", account.alias());
            } else {
                LOG.warn("Kiwoom did not revoke the token of account '{}': HTTP {} {}", account.alias(), reply.status(),
                        answer == null ? "" : answer.path("return_msg").asText());
            }
        } catch (IOException e) {
            LOG.warn("Could not revoke the Kiwoom token of account '{}': {}", account.alias(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void issueInto(KiwoomAccount account, Slot slot, CompletableFuture<Issued> flight) {
        try {
            Issued issued = issue(account);
            synchronized (slot) {
                slot.current = issued;
                slot.lastFailure = null;
                slot.failedAt = null;
                slot.lastErrorCode = null;
                slot.pending = null;
            }
            issuedFor.put(account.appKey(), account);
            counter(account, "success").increment();
            LOG.info("Kiwoom token for account '{}' ({}) valid until {} KST", account.alias(), account.environment(),
                    LocalDateTime.ofInstant(issued.expiresAt(), KST));
            flight.complete(issued);
        } catch (KiwoomException e) {
            synchronized (slot) {
                slot.lastErrorCode = e.error().code();
                boolean credentials = e.category() == KiwoomErrorCategory.CONFIGURATION
                        || e.category() == KiwoomErrorCategory.AUTH;
                slot.lastFailure = credentials ? e : null;
                slot.failedAt = clock.instant();
                slot.pending = null;
            }
            counter(account, "error").increment();
            LOG.error(e.getMessage());
            flight.completeExceptionally(e);
        }
    }

    private Issued issue(KiwoomAccount account) {
        String apiId = "au10001";
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("appkey", account.appKey());
        body.put("secretkey", account.secretKey());
        KiwoomHttp.Reply reply;
        try {
            reply = http.post(account.baseUrl() + TrGroup.TOKEN.path(), Map.of("api-id", apiId), json.writeValueAsString(body));
        } catch (IOException e) {
            throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.TRANSPORT,
                    e.getClass().getSimpleName(), "token request failed: " + e.getMessage(), apiId), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.TRANSPORT,
                    "interrupted", "token request interrupted", apiId), e);
        }
        JsonNode answer = readOrNull(reply.body());
        Integer rc = answer != null && answer.hasNonNull("return_code") ? answer.get("return_code").asInt() : null;
        String token = answer == null ? "" : answer.path("token").asText("");
        if (reply.status() != 200 || rc == null || rc != 0 || token.isEmpty()) {
            KiwoomError error = KiwoomError.of(apiId, reply.status(), rc,
                    answer == null ? "" : answer.path("return_msg").asText(""));
            if (error.category() == KiwoomErrorCategory.CONFIGURATION) {
                throw new KiwoomException(account.alias(), error, "Kiwoom refused the credentials of account '"
                        + account.alias() + "' (" + account.environment() + ", " + account.baseUrl() + "): "
                        + error.code() + " " + error.text()
                        + " - check its app key, secret key and mock/real setting", null);
            }
            throw new KiwoomException(account.alias(), error, null);
        }
        Instant expiresAt = parseExpiresDt(account, answer.path("expires_dt").asText(""));
        Instant now = clock.instant();
        Instant byMargin = expiresAt.minus(settings.refreshMargin());
        Instant earliest = now.plus(settings.minReissueInterval());
        return new Issued(token, expiresAt, byMargin.isAfter(earliest) ? byMargin : earliest);
    }

    private static Instant parseExpiresDt(KiwoomAccount account, String value) {
        try {
            return LocalDateTime.parse(value, EXPIRES_DT).atZone(KST).toInstant();
        } catch (DateTimeParseException e) {
            throw new KiwoomException(account.alias(), KiwoomError.local(KiwoomErrorCategory.SERVER, "expires_dt",
                    "token answer has no readable expires_dt (yyyyMMddHHmmss KST): '" + value + "'", "au10001"), null);
        }
    }

    private JsonNode readOrNull(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Slot slot(KiwoomAccount account) {
        return slots.computeIfAbsent(account.appKey(), k -> new Slot());
    }

    private Counter counter(KiwoomAccount account, String outcome) {
        return Counter.builder("kiwoom.token.issued").description("Kiwoom au10001 token requests")
                .tag("account", account.alias()).tag("outcome", outcome).register(meters);
    }
}
