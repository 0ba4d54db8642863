package com.kiwoomhub.realtime;

import com.kiwoomhub.security.Untrusted;

/**
 * A subscription request the hub does not carry out; the route dead-letters it with {@link #code()}.
 */
public class SubscriptionRejectedException extends RuntimeException {

    /** The request is malformed or names an unknown channel or symbol format. */
    public static final String INVALID = "HUB_VALIDATION";
    /** More items than the connections can carry (200 per Kiwoom connection). */
    public static final String LIMIT = "HUB_SUBSCRIPTION_LIMIT";

    private final String code;

    public SubscriptionRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The message for a log line ({@code ${exception.logMessage}}): it quotes the request, so it is neutralised. */
    public String getLogMessage() {
        return Untrusted.forLog(getMessage());
    }

    /** Bean-style, so that a route reads it as {@code ${exception.code}}. */
    public String getCode() {
        return code;
    }
}
