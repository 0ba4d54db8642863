package com.kiwoomhub.sandbox.ws;

import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.SandboxMarketView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A market of a few symbols whose prices a test sets, and a token table. */
final class FakeMarketView implements SandboxMarketView {

    private final Map<String, String> appKeysByToken = new ConcurrentHashMap<>();
    private final List<String> symbols = new CopyOnWriteArrayList<>();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final Map<String, Long> previousCloses = new ConcurrentHashMap<>();
    private final Map<String, Day> days = new ConcurrentHashMap<>();

    /** A symbol's name and day so far; volume in shares, prices in KRW. */
    record Day(String name, long volume, long open, long high, long low) {
    }

    FakeMarketView token(String token, String appKey) {
        appKeysByToken.put(token, appKey);
        return this;
    }

    FakeMarketView symbol(String code, long previousClose, long price) {
        if (!symbols.contains(code)) {
            symbols.add(code);
        }
        previousCloses.put(code, previousClose);
        prices.put(code, price);
        return this;
    }

    FakeMarketView day(String code, String name, long volume, long open, long high, long low) {
        days.put(code, new Day(name, volume, open, high, low));
        return this;
    }

    void setPrice(String code, long price) {
        prices.put(code, price);
    }

    @Override
    public Optional<String> appKeyOfToken(String token) {
        return Optional.ofNullable(appKeysByToken.get(token));
    }

    @Override
    public List<String> symbols() {
        return List.copyOf(symbols);
    }

    @Override
    public Optional<Long> price(String code) {
        return Optional.ofNullable(prices.get(code));
    }

    @Override
    public Optional<Long> previousClose(String code) {
        return Optional.ofNullable(previousCloses.get(code));
    }

    @Override
    public Optional<MarketSimulator.Quote> quote(String code) {
        Long price = prices.get(code);
        if (price == null) {
            return Optional.empty();
        }
        long previousClose = previousCloses.get(code);
        Day d = days.getOrDefault(code, new Day("", 0, price, price, price));
        return Optional.of(new MarketSimulator.Quote(code, d.name(), "KOSPI", price, previousClose, d.open(), d.high(),
                d.low(), 0, 0, d.volume(), 0, price, price, 0, null));
    }
}
