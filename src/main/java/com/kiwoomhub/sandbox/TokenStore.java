package com.kiwoomhub.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens as Kiwoom issues them: one token per app key, handed out again on every au10001
 * until it expires or is revoked; the expiry is an absolute KST time.
 */
public final class TokenStore {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final DateTimeFormatter EXPIRES_DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(KST);

    /** A token and when it stops working. */
    public record IssuedToken(String token, String appKey, Instant expiresAt) {
        public String expiresDt() {
            return EXPIRES_DT.format(expiresAt);
        }

        @Override
        public String toString() {
            return "IssuedToken[appKey=" + appKey + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> byAppKey = new LinkedHashMap<>();

    TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The current token of the app key, or a fresh one when it has none that is still valid. */
    public synchronized IssuedToken issue(String appKey) {
        IssuedToken current = byAppKey.get(appKey);
        if (current != null && valid(current)) {
            return current;
        }
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        // Kiwoom's expires_dt has whole seconds; keep the stored expiry equal to what the client sees.
        Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        IssuedToken token = new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), appKey, expiresAt);
        byAppKey.put(appKey, token);
        return token;
    }

    /** The app key of a valid token. */
    public synchronized Optional<String> appKeyOf(String token) {
        return byAppKey.values().stream().filter(t -> t.token().equals(token) && valid(t)).map(IssuedToken::appKey).findFirst();
    }

    /** Revokes one token; false when it is unknown or already invalid. */
    public synchronized boolean revoke(String token) {
        return byAppKey.values().removeIf(t -> t.token().equals(token) && valid(t));
    }

    /** Makes every issued token invalid now, as if it had expired; the next au10001 issues new ones. */
    public synchronized void expireAll() {
        Instant now = clock.instant();
        byAppKey.replaceAll((appKey, t) -> new IssuedToken(t.token(), appKey, now));
    }

    /** Revokes every issued token. */
    public synchronized void revokeAll() {
        byAppKey.clear();
    }

    private boolean valid(IssuedToken token) {
        return clock.instant().isBefore(token.expiresAt());
    }
}
