package com.kiwoomhub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A shared secret that callers present (the admin token, the feed token). Both sides are compared as
 * SHA-256 digests in constant time, so neither the content nor the length of the configured token leaks
 * through response times. A blank token is "not configured": nothing matches it.
 */
public final class AccessToken {

    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    public AccessToken(String configured) {
        this.digest = configured == null || configured.isBlank() ? null : sha256(configured.trim());
    }

    public boolean configured() {
        return digest != null;
    }

    /** Whether the presented value is the token; false when none is configured or none is presented. */
    public boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented.trim()));
    }

    /** The token of an {@code Authorization: Bearer <token>} header value, or null for any other value. */
    public static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()) : null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return configured() ? "AccessToken[configured]" : "AccessToken[none]";
    }
}
