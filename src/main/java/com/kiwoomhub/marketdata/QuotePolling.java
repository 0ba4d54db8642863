package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.Quote;
import com.kiwoomhub.canonical.QuoteTranslator;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.kiwoom.Watchlist;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Java behind {@code routes/quotes.camel.yaml}: which slices of the watchlist this instance polls
 * in one cycle, with which account (the primary one, or with {@code kiwoom.quotes.shared} every
 * account its own {@link QuoteSlice}; only the accounts this instance owns), which requests each
 * slice makes (ka10095 batches of at most 100 codes, or ka10001 per symbol), and the translation of
 * each answer.
 */
@Component("quotePolling")
public class QuotePolling {

    /** ka10095 takes at most 100 codes joined by {@code |}; more is refused with 1634. */
    static final int KA10095_MAX_CODES = 100;

    private final int watchlistSize;
    private final QuotePollingProperties settings;
    private final List<QuoteSlice> slices;
    private final AccountOwnership ownership;
    private final Map<String, Timer> cycleTimers;

    public QuotePolling(KiwoomProperties kiwoom, QuotePollingProperties settings, KiwoomAccounts accounts,
                        ObjectProvider<AccountOwnership> ownership, MeterRegistry meters) {
        this.settings = settings;
        this.ownership = ownership.getIfAvailable(() -> AccountOwnership.ALL);
        if (!QuoteTranslator.KA10095.equals(settings.tr()) && !QuoteTranslator.KA10001.equals(settings.tr())) {
            throw new IllegalStateException("kiwoom.quotes.tr must be ka10095 or ka10001, got " + settings.tr());
        }
        if (settings.batchSize() < 1 || settings.batchSize() > KA10095_MAX_CODES) {
            throw new IllegalStateException("kiwoom.quotes.batch-size must be 1 to 100, got " + settings.batchSize());
        }
        List<String> watchlist = Watchlist.codes(kiwoom.watchlist());
        this.watchlistSize = watchlist.size();
        List<String> polling = accounts.isEmpty() ? List.of()
                : settings.shared() ? accounts.all().stream().map(KiwoomAccount::alias).toList()
                : List.of(accounts.primary().alias());
        this.slices = QuoteSlice.of(watchlist, polling,
                QuoteTranslator.KA10001.equals(settings.tr()) ? 1 : settings.batchSize());
        for (QuoteSlice slice : slices) {
            Gauge.builder("kiwoom.quotes.symbols", slice.symbols()::size).tag("account", slice.account())
                    .description("Symbols of the watchlist this account polls (kiwoom.quotes.shared)").register(meters);
        }
        this.cycleTimers = slices.stream().collect(Collectors.toUnmodifiableMap(QuoteSlice::account,
                slice -> Timer.builder("kiwoom.quotes.cycle").tag("account", slice.account())
                        .description("One poll cycle of the account's slice of the watchlist").register(meters)));
    }

    /** The slices this instance polls now: those of the accounts it owns (hub.cluster); none without an account. */
    public List<QuoteSlice> owned() {
        return slices.stream().filter(slice -> ownership.owns(slice.account())).toList();
    }

    /** Starts the bookkeeping of one slice's poll cycle; the route logs it once at the end. */
    public QuoteCycle newCycle(QuoteSlice slice) {
        return new QuoteCycle(settings.tr(), slice, settings.shared() ? watchlistSize : 0);
    }

    /** False once this instance has lost the cycle's account: the slice's remaining calls are left out. */
    public boolean owns(QuoteCycle cycle) {
        return ownership.owns(cycle.account());
    }

    /** Ends the cycle: its time goes to {@code kiwoom.quotes.cycle{account}}. */
    public void completed(QuoteCycle cycle) {
        cycleTimers.get(cycle.account()).record(cycle.complete(), TimeUnit.NANOSECONDS);
    }

    /** The quotes in one answer of the configured TR. */
    public List<Quote> translate(JsonNode answer, QuoteCycle cycle) {
        OffsetDateTime asOf = OffsetDateTime.now(KST);
        List<Quote> quotes = QuoteTranslator.KA10001.equals(settings.tr())
                ? List.of(QuoteTranslator.fromKa10001(answer, asOf))
                : QuoteTranslator.fromKa10095(answer, asOf);
        cycle.published(quotes.size());
        return quotes;
    }

    public String tr() {
        return settings.tr();
    }
}
