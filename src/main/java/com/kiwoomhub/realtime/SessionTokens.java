package com.kiwoomhub.realtime;

import com.kiwoomhub.kiwoom.KiwoomAccount;

/**
 * Where a {@link KiwoomSession} gets the access token it sends in LOGIN. The token manager
 * implements it; {@link #invalidate} is called when the server rejects a token at LOGIN, so the
 * next {@link #token} call must issue a fresh one (au10001).
 */
public interface SessionTokens {

    /** The current raw access token of the account (no {@code Bearer}); may block while one is issued. */
    String token(KiwoomAccount account);

    /** The server refused {@code token}: forget it so that the next call re-issues. */
    void invalidate(KiwoomAccount account, String token);
}
