package com.kiwoomhub.sandbox;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import com.kiwoomhub.sandbox.MarketSimulator.SymbolState;

/**
 * The market's 0B (trade) and 0D (order book) rows per {@link TradingVenue}: the bare code for KRX,
 * {@code _NX} for NXT and {@code _AL} for the SOR tape, which carries the trades of both. NXT trades
 * beside KRX at the same price, at a set percentage of each KRX trade's size and of its book.
 */
final class VenueStreams {

    private final Set<TradingVenue> venues;
    /** NXT's trade sizes and book quantities as a percentage of KRX's; 0 when NXT does not trade. */
    private final long nxtPercent;
    private final RealtimeOutbox outbox;
    private final MarketHours session;

    VenueStreams(Set<TradingVenue> venues, int nxtVolumePercent, RealtimeOutbox outbox, MarketHours session) {
        this.venues = EnumSet.copyOf(venues);
        this.nxtPercent = venues.contains(TradingVenue.NXT) ? nxtVolumePercent : 0;
        this.outbox = outbox;
        this.session = session;
    }

    /** Size of the NXT trade that comes with a KRX trade of {@code krxQuantity}; 0 for none. */
    long nxtQuantity(long krxQuantity) {
        return krxQuantity * nxtPercent / 100;
    }

    /** A trade on {@code venue}: on that venue's tape and the SOR tape, and pushed on both streams. */
    void print(SymbolState s, TradingVenue venue, long quantity, boolean buyerInitiated, LocalDateTime now) {
        s.tape(venue).record(venue, s.price, quantity, buyerInitiated, now);
        s.sor.record(venue, s.price, quantity, buyerInitiated, now);
        pushTrade(s, venue);
        pushTrade(s, TradingVenue.SOR);
    }

    /** Every venue's 0B and 0D rows, after a price change that is not a trade. */
    void pushRows(SymbolState s) {
        for (TradingVenue venue : venues) {
            pushTrade(s, venue);
        }
        pushBooks(s);
    }

    void pushBooks(SymbolState s) {
        MarketSimulator.OrderBook krx = SymbolDay.book(s, session.now());
        for (TradingVenue venue : venues) {
            outbox.market("0D", venue.item(s.instrument.code()), RealtimeRows.orderBook(krx, nxtPercent, venue, s, session));
        }
    }

    private void pushTrade(SymbolState s, TradingVenue venue) {
        if (venues.contains(venue)) {
            outbox.market("0B", venue.item(s.instrument.code()), RealtimeRows.trade(s, s.tape(venue), session));
        }
    }
}
