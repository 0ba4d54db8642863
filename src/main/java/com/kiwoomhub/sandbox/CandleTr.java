package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.rate;
import static com.kiwoomhub.sandbox.KiwoomFormats.signed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.kiwoomhub.sandbox.ChartHistory.DayBar;
import com.kiwoomhub.sandbox.MarketSimulator.Quote;

/**
 * The chart TRs ka10079 (tick), ka10080 (minute), ka10081 (day), ka10082 (week), ka10083 (month)
 * and ka10094 (year). Rows are newest first; a page holds 900 (tick, minute) or 600 (day and
 * longer) rows, and {@code next-key} is the sort key of the last row sent, so that pages stay
 * gapless and free of duplicates even while today's bars keep growing.
 *
 * <p>Tick and minute charts reach back {@link ChartHistory#DETAILED_DAYS} trading days before today
 * (Kiwoom keeps about a year). A request whose {@code base_dt} lies before them is answered, as
 * Kiwoom is reported to, with one row of empty values and {@code cont-yn: N} (or no rows, see
 * {@link SandboxSettings.PastHistory}); a walk through the pages ends with {@code cont-yn: N} on the last page.
 *
 * <p>Units and signs follow the measured behaviour: minute and tick prices carry a direction sign,
 * day and longer are unsigned; ka10081 {@code trde_prica} is in 백만원, ka10082/83/94 in 원. No
 * corporate actions are simulated, so {@code upd_stkpc_tp} 0 and 1 give the same prices.
 */
final class CandleTr {

    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final int INTRADAY_PAGE = 900;
    private static final int DAILY_PAGE = 600;
    private static final List<String> MINUTE_FIELDS = List.of("cur_prc", "trde_qty", "cntr_tm", "open_pric", "high_pric",
            "low_pric", "acc_trde_qty", "pred_pre", "pred_pre_sig");
    private static final List<String> TICK_FIELDS = List.of("cur_prc", "trde_qty", "cntr_tm", "open_pric", "high_pric",
            "low_pric", "pred_pre", "pred_pre_sig");
    private static final Set<String> TICK_SCOPES = Set.of("1", "3", "5", "10", "30");
    private static final Set<String> MINUTE_SCOPES = Set.of("1", "3", "5", "10", "15", "30", "45", "60");

    private enum Period { DAY, WEEK, MONTH, YEAR }

    /** A row with the key it sorts by (descending = newest first). */
    record Row(String key, Map<String, String> values) {
    }

    private final MarketSimulator market;
    private final IntradayChart intraday;
    private final SandboxSettings.PastHistory pastHistory;

    CandleTr(MarketSimulator market, SandboxSettings.MinuteBarLabel minuteLabel, SandboxSettings.PastHistory pastHistory) {
        this.market = market;
        this.intraday = new IntradayChart(market, minuteLabel);
        this.pastHistory = pastHistory;
    }

    TrReply handle(TrCall call) {
        StockCode stock = StockCode.parse("stk_cd", call.required("stk_cd"));
        String scope = switch (call.apiId()) {
            case "ka10079" -> call.requiredOneOf("tic_scope", TICK_SCOPES.stream().sorted().toArray(String[]::new));
            case "ka10080" -> call.requiredOneOf("tic_scope", MINUTE_SCOPES.stream().sorted().toArray(String[]::new));
            default -> null;
        };
        call.requiredOneOf("upd_stkpc_tp", "0", "1");
        LocalDate baseDate = switch (call.apiId()) {
            case "ka10079", "ka10080" -> call.field("base_dt") == null ? null : date(call.field("base_dt"));
            default -> date(call.required("base_dt"));
        };
        if (!market.knows(stock.code())) {
            throw TrFailure.unknownSymbol(stock.echo());
        }
        String cursor = null;
        if (call.continuation()) {
            cursor = call.nextKey();
            if (!cursor.matches("[0-9]{8,14}")) {
                throw TrFailure.invalid("next-key", "연속조회키 형식");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stk_cd", stock.echo());
        return switch (call.apiId()) {
            case "ka10079" -> pastHistory(ticks(stock.code(), Integer.parseInt(scope), baseDate, cursor, fields),
                    "stk_tic_chart_qry", TICK_FIELDS);
            case "ka10080" -> pastHistory(paged(fields, "stk_min_pole_chart_qry",
                    intraday.minutes(stock.code(), Integer.parseInt(scope), baseDate), cursor, INTRADAY_PAGE), "stk_min_pole_chart_qry",
                    MINUTE_FIELDS);
            case "ka10081" -> paged(fields, "stk_dt_pole_chart_qry", periods(stock.code(), Period.DAY, baseDate).iterator(),
                    cursor, DAILY_PAGE);
            case "ka10082" -> paged(fields, "stk_stk_pole_chart_qry", periods(stock.code(), Period.WEEK, baseDate).iterator(),
                    cursor, DAILY_PAGE);
            case "ka10083" -> paged(fields, "stk_mth_pole_chart_qry", periods(stock.code(), Period.MONTH, baseDate).iterator(),
                    cursor, DAILY_PAGE);
            case "ka10094" -> paged(fields, "stk_yr_pole_chart_qry", periods(stock.code(), Period.YEAR, baseDate).iterator(),
                    cursor, DAILY_PAGE);
            default -> throw new IllegalArgumentException(call.apiId());
        };
    }

    /** An intraday answer without rows is past the retained days: Kiwoom's single empty row, unless configured away. */
    @SuppressWarnings("unchecked")
    private TrReply pastHistory(TrReply reply, String listKey, List<String> rowFields) {
        List<Map<String, String>> rows = (List<Map<String, String>>) reply.body().get(listKey);
        if (!rows.isEmpty() || pastHistory == SandboxSettings.PastHistory.EMPTY) {
            return reply;
        }
        Map<String, String> empty = new LinkedHashMap<>();
        rowFields.forEach(f -> empty.put(f, ""));
        reply.body().put(listKey, List.of(empty));
        return reply;
    }

    private static TrReply paged(Map<String, Object> fields, String listKey, Iterator<Row> newestFirst, String cursor, int pageSize) {
        List<Map<String, String>> page = new ArrayList<>(pageSize);
        String lastKey = null;
        boolean more = false;
        while (newestFirst.hasNext()) {
            Row row = newestFirst.next();
            if (cursor != null && row.key().compareTo(cursor) >= 0) {
                continue;
            }
            if (page.size() == pageSize) {
                more = true;
                break;
            }
            page.add(row.values());
            lastKey = row.key();
        }
        fields.put(listKey, page);
        return TrReply.page(fields, TrReply.OK, more ? lastKey : null);
    }

    // ---- day, week, month, year ----

    private List<Row> periods(String code, Period period, LocalDate baseDate) {
        List<DayBar> days = new ArrayList<>(market.history(code).days());
        if (market.session().tradingDay()) {
            Quote q = market.quote(code);
            days.add(new DayBar(market.session().today(), q.open(), q.high(), q.low(), q.price(), q.volume(), q.turnover(),
                    q.previousClose()));
        }
        days.removeIf(d -> d.date().isAfter(baseDate));
        List<DayBar> bars = period == Period.DAY ? days : aggregate(days, period);
        long listed = market.instrument(code).listedShares() * 1_000;
        List<Row> rows = new ArrayList<>(bars.size());
        for (int i = bars.size() - 1; i >= 0; i--) {
            DayBar b = bars.get(i);
            Map<String, String> r = new LinkedHashMap<>();
            r.put("cur_prc", Long.toString(b.close()));
            r.put("trde_qty", Long.toString(b.volume()));
            r.put("trde_prica", Long.toString(period == Period.DAY ? Math.round(b.turnover() / 1_000_000.0) : b.turnover()));
            r.put("dt", YYYYMMDD.format(b.date()));
            r.put("open_pric", Long.toString(b.open()));
            r.put("high_pric", Long.toString(b.high()));
            r.put("low_pric", Long.toString(b.low()));
            if (period != Period.YEAR) {
                long prev = b.previousClose();
                r.put("pred_pre", signed(b.close() - prev));
                r.put("pred_pre_sig", period == Period.DAY
                        ? KiwoomFormats.directionSign(b.close(), prev, PriceGrid.upperLimit(prev), PriceGrid.lowerLimit(prev))
                        : b.close() > prev ? "2" : b.close() < prev ? "5" : "3");
                r.put("trde_tern_rt", rate(KiwoomFormats.percentOf(b.volume(), listed)));
            }
            rows.add(new Row(YYYYMMDD.format(b.date()), r));
        }
        return rows;
    }

    private static List<DayBar> aggregate(List<DayBar> days, Period period) {
        Function<LocalDate, LocalDate> bucket = switch (period) {
            case WEEK -> d -> d.with(DayOfWeek.MONDAY);
            case MONTH -> d -> d.withDayOfMonth(1);
            default -> d -> d.withDayOfYear(1);
        };
        List<DayBar> bars = new ArrayList<>();
        DayBar current = null;
        LocalDate currentBucket = null;
        for (DayBar d : days) {
            LocalDate b = bucket.apply(d.date());
            if (current != null && b.equals(currentBucket)) {
                current = new DayBar(current.date(), current.open(), Math.max(current.high(), d.high()),
                        Math.min(current.low(), d.low()), d.close(), current.volume() + d.volume(),
                        current.turnover() + d.turnover(), current.previousClose());
                bars.set(bars.size() - 1, current);
            } else {
                // dt is the first trading day of the period; the change is against the previous period's close
                current = d;
                currentBucket = b;
                bars.add(current);
            }
        }
        return bars;
    }

    private TrReply ticks(String code, int scope, LocalDate baseDate, String cursor, Map<String, Object> fields) {
        List<IntradayChart.Day> days = intraday.days(code, baseDate);
        fields.put("last_tic_cnt", Integer.toString(IntradayChart.lastTickCount(days, scope)));
        return paged(fields, "stk_tic_chart_qry", IntradayChart.ticks(days, scope), cursor, INTRADAY_PAGE);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw TrFailure.invalid("base_dt", "YYYYMMDD 형식이 아닙니다");
        }
    }
}
