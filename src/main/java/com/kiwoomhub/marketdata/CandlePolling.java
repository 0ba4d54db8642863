package com.kiwoomhub.marketdata;

import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.Candle;
import com.kiwoomhub.canonical.CandleTranslator;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomClientProperties;
import com.kiwoomhub.kiwoom.PageWalk;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Java behind {@code routes/candles.camel.yaml}: the configured series, the chart request of
 * each (the first poll backfills back to a date or several pages, later polls read the newest page),
 * and the bars of an answer that were not published yet.
 */
@Component("candlePolling")
public class CandlePolling {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<CandleJob> jobs;
    private final CandlePollingProperties settings;
    private final MarketCalendar calendar;
    private final KiwoomAccounts accounts;
    private final Map<CandleJob, CandleBackfill> backfills = new IdentityHashMap<>();

    public CandlePolling(CandlePollingProperties settings, MarketCalendar calendar, KiwoomAccounts accounts,
                         KiwoomClientProperties client, MeterRegistry meters) {
        this.accounts = accounts;
        this.settings = settings;
        this.calendar = calendar;
        this.jobs = settings.jobs().stream().map(String::trim).filter(s -> !s.isEmpty()).map(CandleJob::parse).toList();
        if (settings.backfillPages() < 1) {
            throw new IllegalStateException("kiwoom.candles.backfill-pages must be at least 1, got " + settings.backfillPages());
        }
        if (settings.backfillFrom() != null && !accounts.isEmpty()) {
            for (CandleJob job : jobs) {
                int perSecond = client.rateLimit().perSecond(accounts.primary().environment(), job.apiId());
                backfills.put(job, new CandleBackfill(job, settings.backfillFrom(), settings.progressInterval(), perSecond,
                        meters));
            }
        }
    }

    /** The configured series; none while no account is configured. */
    public List<CandleJob> jobs() {
        return accounts.isEmpty() ? List.of() : jobs;
    }

    /** The chart TR request body of a series: code, adjusted prices, tick/minute scope, today as base date. */
    public Map<String, String> request(CandleJob job) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("stk_cd", job.code());
        if (job.interval().ticScope() != null) {
            body.put("tic_scope", job.interval().ticScope());
        }
        body.put("upd_stkpc_tp", settings.adjusted() ? "1" : "0");
        if (!"ka10079".equals(job.apiId())) {
            body.put("base_dt", YYYYMMDD.format(calendar.today()));
        }
        return body;
    }

    /** Pages to read: on a series' first poll as many as reach the backfill date, or the backfill depth; then one. */
    public int pages(CandleJob job) {
        if (job.backfilled()) {
            return 1;
        }
        return backfills.containsKey(job) ? Integer.MAX_VALUE : settings.backfillPages();
    }

    /** What watches a backfill back to a date (and stops it there); null when there is none to watch. */
    public PageWalk walk(CandleJob job) {
        CandleBackfill backfill = backfills.get(job);
        return backfill == null || job.backfilled() ? null : backfill.start();
    }

    /**
     * The bars of an answer that are new. While the market is open the newest bar is still forming
     * and goes out with {@code final: false}; outside trading hours every bar is closed.
     */
    public List<Candle> unpublished(JsonNode answer, CandleJob job) {
        List<Candle> bars = CandleTranslator.translate(answer, job.code(), job.interval(), settings.adjusted(),
                !calendar.isOpen());
        if (settings.backfillFrom() != null) {
            // the page that reached the date may hold older bars; the series starts at the date
            bars = bars.stream().filter(b -> !b.start().toLocalDate().isBefore(settings.backfillFrom())).toList();
        }
        return job.unpublished(bars);
    }
}
