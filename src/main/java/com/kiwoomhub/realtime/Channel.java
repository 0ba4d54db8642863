package com.kiwoomhub.realtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real-time channel a subscription can name, the Kiwoom type behind it and what its items are:
 * stock codes (with an optional {@code _NX}/{@code _AL}) or, for {@code indices}, 3-digit 업종코드.
 */
public enum Channel {
    TRADES("trades", "0B", false),
    ORDERBOOKS("orderbooks", "0D", false),
    EXPECTED_TRADES("expected-trades", "0H", false),
    PROGRAM_TRADES("program-trades", "0w", false),
    /** VIs of named stocks; the hub also registers 1h for the whole market at start (item ""). */
    MARKET_EVENTS("market-events", "1h", false),
    INDICES("indices", "0J", true);

    private static final Pattern STOCK = Pattern.compile("[0-9A-Z]{6}(_NX|_AL)?");
    private static final Pattern INDEX = Pattern.compile("[0-9]{3}");

    private final String channelName;
    private final String kiwoomType;
    private final boolean index;

    Channel(String channelName, String kiwoomType, boolean index) {
        this.channelName = channelName;
        this.kiwoomType = kiwoomType;
        this.index = index;
    }

    /** The name in subscription requests and the downstream feed. */
    public String channelName() {
        return channelName;
    }

    /** The REAL type registered for it. */
    public String kiwoomType() {
        return kiwoomType;
    }

    /** Whether its items are index codes ({@code 001}) rather than stock codes. */
    public boolean isIndex() {
        return index;
    }

    /** Whether {@code item} is an item of this channel: a 3-digit index code, or a stock code with an optional suffix. */
    public boolean accepts(String item) {
        return (index ? INDEX : STOCK).matcher(item).matches();
    }

    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(c -> c.channelName.equals(name)).findFirst();
    }

    /** {@code trades, orderbooks, …}, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Channel::channelName).toList());
    }
}
