package com.kiwoomhub.canonical;

/**
 * A Kiwoom stock code split into the canonical symbol and its venue: {@code "A005930"} (account TRs,
 * condition search) → {@code 005930}/KRX, {@code "005930_NX"} → {@code 005930}/NXT,
 * {@code "005930_AL"} → {@code 005930}/UNIFIED.
 */
public record KiwoomSymbol(String symbol, Venue venue) {

    /** Parses a code as Kiwoom sends it; null for a blank code. */
    public static KiwoomSymbol parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim();
        Venue venue = Venue.KRX;
        for (Venue v : new Venue[] {Venue.NXT, Venue.UNIFIED}) {
            if (c.endsWith(v.suffix())) {
                venue = v;
                c = c.substring(0, c.length() - v.suffix().length());
            }
        }
        // Codes are 6 characters; the A prefix of account TRs makes 7. Codes such as 0156T0 contain
        // letters, so only a 7th, leading "A" is stripped.
        if (c.length() == 7 && c.charAt(0) == 'A') {
            c = c.substring(1);
        }
        return new KiwoomSymbol(c, venue);
    }
}
