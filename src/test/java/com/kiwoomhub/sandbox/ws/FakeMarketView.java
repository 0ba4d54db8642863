package com.kiwoomhub.sandbox.ws;

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
}
