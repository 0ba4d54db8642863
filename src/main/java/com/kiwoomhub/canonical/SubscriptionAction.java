package com.kiwoomhub.canonical;

/** What a {@link SubscriptionRequest} asks for. */
public enum SubscriptionAction {
    SUBSCRIBE,
    UNSUBSCRIBE
}
