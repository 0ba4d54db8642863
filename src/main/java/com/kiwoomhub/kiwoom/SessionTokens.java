package com.kiwoomhub.kiwoom;

/**
 * Where a real-time WebSocket session gets the access token it sends in LOGIN: the same token
 * every TR call uses. {@link TokenManager} implements it; {@link #invalidate} is called when the server rejects a token at LOGIN, so the
 * next {@link #token} call must issue a fresh one (au10001).
 */
public interface SessionTokens {

    /** The current raw access token of the account (no {@code Bearer}); may block while one is issued. */
    String token(KiwoomAccount account);

    /** The server refused {@code token}: forget it so that the next call re-issues. */
    void invalidate(KiwoomAccount account, String token);
}
