package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.Quote;
import com.kiwoomhub.canonical.QuoteTranslator;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.kiwoom.Watchlist;

/**
 * The Java behind {@code routes/quotes.camel.yaml}: which requests one poll cycle makes for the
 * watchlist (ka10095 batches of at most 100 codes, or ka10001 per symbol) and the translation of
 * each answer.
 */
@Component("quotePolling")
public class QuotePolling {

    /** ka10095 takes at most 100 codes joined by {@code |}; more is refused with 1634. */
    static final int KA10095_MAX_CODES = 100;

    private final List<String> watchlist;
    private final QuotePollingProperties settings;
    private final KiwoomAccounts accounts;

    public QuotePolling(KiwoomProperties kiwoom, QuotePollingProperties settings, KiwoomAccounts accounts) {
        this.accounts = accounts;
        this.watchlist = Watchlist.codes(kiwoom.watchlist());
        this.settings = settings;
        if (!QuoteTranslator.KA10095.equals(settings.tr()) && !QuoteTranslator.KA10001.equals(settings.tr())) {
            throw new IllegalStateException("kiwoom.quotes.tr must be ka10095 or ka10001, got " + settings.tr());
        }
        if (settings.batchSize() < 1 || settings.batchSize() > KA10095_MAX_CODES) {
            throw new IllegalStateException("kiwoom.quotes.batch-size must be 1 to 100, got " + settings.batchSize());
        }
    }

    /** Starts the bookkeeping of one poll cycle; the route logs it once at the end. */
    public QuoteCycle newCycle() {
        return new QuoteCycle(settings.tr(), watchlist.size());
    }

    /** The request bodies of one cycle, in watchlist order; none while no account is configured. */
    public List<Map<String, String>> requests() {
        List<Map<String, String>> requests = new ArrayList<>();
        if (accounts.isEmpty()) {
            return requests;
        }
        if (QuoteTranslator.KA10001.equals(settings.tr())) {
            watchlist.forEach(code -> requests.add(Map.of("stk_cd", code)));
            return requests;
        }
        for (int from = 0; from < watchlist.size(); from += settings.batchSize()) {
            List<String> batch = watchlist.subList(from, Math.min(from + settings.batchSize(), watchlist.size()));
            requests.add(Map.of("stk_cd", String.join("|", batch)));
        }
        return requests;
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
