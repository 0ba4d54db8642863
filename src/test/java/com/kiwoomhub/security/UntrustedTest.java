package com.kiwoomhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input on its way into a log line stays one line, and a token matches only itself. */
class UntrustedTest {

    @Test
    void controlCharactersAreEscapedAndLongValuesCut() {
        assertThat(Untrusted.forLog("strat-1:42")).isEqualTo("strat-1:42");
        assertThat(Untrusted.forLog("a\nb\r\tc\u0000d\u2028e\u001b[31m")).isEqualTo("a\\nb\\r\\tc\\u0000d\\u2028e\\u001b[31m");
        assertThat(Untrusted.forLog(null)).isEqualTo("null");
        assertThat(Untrusted.forLog("x".repeat(600))).isEqualTo("x".repeat(512) + "…(600 chars)");
        assertThat(Untrusted.forLog("\n".repeat(600))).isEqualTo("\\n".repeat(512) + "…(600 chars)");
    }

    @Test
    void aTokenMatchesOnlyItselfAndABlankOneNothing() {
        AccessToken token = new AccessToken("s3cret-token");
        assertThat(token.matches("s3cret-token")).isTrue();
        assertThat(token.matches("s3cret-token2")).isFalse();
        assertThat(token.matches("s3cret-toke")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(new AccessToken(" ").configured()).isFalse();
        assertThat(new AccessToken(null).matches("")).isFalse();
        assertThat(AccessToken.bearer("bearer abc")).isEqualTo("abc");
        assertThat(AccessToken.bearer("Basic abc")).isNull();
        assertThat(token.toString()).doesNotContain("s3cret");
    }
}
