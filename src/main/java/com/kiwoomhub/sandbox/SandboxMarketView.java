package com.kiwoomhub.sandbox;

import java.util.List;
import java.util.Optional;

/** What the sandbox WebSocket server may ask of the simulated market and token store. */
public interface SandboxMarketView {

    /** The app key a token was issued to, if the token is valid and not expired or revoked. */
    Optional<String> appKeyOfToken(String token);

    /** Every stock code of the simulated universe. */
    List<String> symbols();

    /** Current price of a symbol in KRW, or empty for an unknown code. */
    Optional<Long> price(String code);

    /** Previous close (기준가) in KRW, or empty for an unknown code. */
    Optional<Long> previousClose(String code);

    /** The KRX state of a symbol now (name, price, day volume and range), or empty for an unknown code. */
    Optional<MarketSimulator.Quote> quote(String code);
}
