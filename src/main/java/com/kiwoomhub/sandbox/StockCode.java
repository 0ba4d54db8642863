package com.kiwoomhub.sandbox;

/** A request {@code stk_cd}: the 6-character code and the venue its suffix selects ({@code _NX}, {@code _AL} or none), echoed as sent. */
record StockCode(String code, TradingVenue venue) {

    static StockCode parse(String parameter, String value) {
        String raw = value.trim();
        int underscore = raw.indexOf('_');
        String code = underscore < 0 ? raw : raw.substring(0, underscore);
        TradingVenue venue = TradingVenue.ofSuffix(underscore < 0 ? "" : raw.substring(underscore)).orElse(null);
        if (!code.matches("[0-9A-Z]{6}") || venue == null) {
            throw TrFailure.invalid(parameter, "종목코드 형식=" + raw);
        }
        return new StockCode(code, venue);
    }

    /** The code as Kiwoom echoes it in quote and chart responses. */
    String echo() {
        return venue.item(code);
    }
}
