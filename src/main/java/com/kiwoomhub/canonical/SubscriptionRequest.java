package com.kiwoomhub.canonical;

import java.util.Arrays;
import java.util.List;

/**
 * Ask the hub to (un)subscribe real-time channels (topic {@code kiwoom.subscription-requests}, any
 * key). Like {@link OrderRequest} it is input: fields may be null here, the consuming route validates.
 *
 * @param symbols  codes, optionally with {@code _NX}/{@code _AL}
 * @param channels {@code trades}, {@code orderbooks}, or another real-time channel the hub supports
 */
public record SubscriptionRequest(SubscriptionAction action, List<String> symbols, List<String> channels)
        implements CanonicalMessage {

    @Override
    public MessageType messageType() {
        return MessageType.SUBSCRIPTION_REQUEST;
    }

    /** The contract allows any key; null leaves partitioning to the producer. */
    @Override
    public String topicKey() {
        return null;
    }

    /** action, symbols, channels. */
    @Override
    public List<Object> identity() {
        return Arrays.asList(action, symbols, channels);
    }
}
