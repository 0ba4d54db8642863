package com.kiwoomhub.realtime;

import java.util.Arrays;
import java.util.Optional;

/** A per-symbol real-time channel a subscription can name, and the Kiwoom type behind it. */
public enum Channel {
    TRADES("trades", "0B"),
    ORDERBOOKS("orderbooks", "0D");

    private final String channelName;
    private final String kiwoomType;

    Channel(String channelName, String kiwoomType) {
        this.channelName = channelName;
        this.kiwoomType = kiwoomType;
    }

    /** The name in subscription requests and the downstream feed. */
    public String channelName() {
        return channelName;
    }

    /** The REAL type registered for it. */
    public String kiwoomType() {
        return kiwoomType;
    }

    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(c -> c.channelName.equals(name)).findFirst();
    }

    /** {@code trades, orderbooks}, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Channel::channelName).toList());
    }
}
