package com.kiwoomhub.conditions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.ConditionSignal;
import com.kiwoomhub.canonical.ConditionSignalTranslator;
import com.kiwoomhub.canonical.KiwoomValues;
import com.kiwoomhub.marketdata.MarketCalendar;
import com.kiwoomhub.realtime.KiwoomSession;
import com.kiwoomhub.realtime.KiwoomSessions;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Java behind {@code routes/conditions.camel.yaml}: Kiwoom condition search (조건검색) on one
 * account's session. After every LOGIN it asks for the condition list (CNSRLST, which Kiwoom
 * requires before any CNSRREQ); the list's answer starts the wanted real-time conditions (CNSRREQ
 * search_type 1, at most {@code max-realtime} per login). Search answers become MATCH signals,
 * 02 alerts ENTER/EXIT signals; a periodic search (search_type 0) follows {@code cont_yn}/{@code next_key}
 * through every page. A condition no longer wanted is stopped with CNSRCLR.
 *
 * <p>Frames arrive on the session's consumer thread, timers on their own: every method is synchronized.
 */
@Component("conditionSearch")
public class ConditionSearch {

    private static final Logger LOG = LoggerFactory.getLogger(ConditionSearch.class);

    private final KiwoomSessions sessions;
    private final ConditionSearchProperties settings;
    private final MarketCalendar calendar;
    private final MeterRegistry meters;

    private List<String> wantedRealtime = List.of();
    private List<String> wantedPeriodic = List.of();
    /** seq → name from the last CNSRLST of the current login; null until it arrives. */
    private Map<String, String> listed;
    /** Real-time conditions started on the current login. */
    private final Set<String> running = new LinkedHashSet<>();

    public ConditionSearch(KiwoomSessions sessions, ConditionSearchProperties settings, MarketCalendar calendar,
                           MeterRegistry meters) {
        this.sessions = sessions;
        this.settings = settings;
        this.calendar = calendar;
        this.meters = meters;
    }

    /** Whether frames of this account are condition search's (the configured account, else the first). */
    public boolean isConditionAccount(String account) {
        return session().map(s -> s.account().alias().equals(account)).orElse(false);
    }

    /**
     * Sets the wanted conditions (comma-separated names or seqs). On a logged-in, listed session
     * conditions dropped from the real-time list are stopped (CNSRCLR) and new ones started.
     *
     * @return a line for the log
     */
    public synchronized String want(String realtime, String periodic) {
        wantedRealtime = split(realtime);
        wantedPeriodic = split(periodic);
        if (listed == null) {
            send(control("CNSRLST", null)); // the login came before the configuration; its answer starts them
        } else {
            Set<String> keep = resolve(wantedRealtime);
            for (String seq : List.copyOf(running)) {
                if (!keep.contains(seq)) {
                    running.remove(seq);
                    send(control("CNSRCLR", seq));
                    LOG.info("Condition search: stopping real-time condition {} ({}), no longer configured", seq, listed.get(seq));
                }
            }
            startRealtime();
        }
        return "real-time " + wantedRealtime + ", periodic " + wantedPeriodic
                + (settings.intervalMs() > 0 ? " every " + settings.intervalMs() + " ms" : " (no periodic search)");
    }

    /** A new login: its connection has no list and no running condition yet; asks for the list. */
    public synchronized void loggedIn() {
        listed = null;
        running.clear();
        if (!wantedRealtime.isEmpty() || !wantedPeriodic.isEmpty()) {
            send(control("CNSRLST", null));
        }
    }

    /** The CNSRLST answer: remembers the names, then starts the wanted real-time conditions. */
    public synchronized void listed(String json) {
        JsonNode answer = parse(json);
        if (!ok(answer, "CNSRLST")) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode pair : answer.path("data")) {
            names.put(pair.path(0).asText().trim(), pair.path(1).asText().trim());
        }
        listed = names;
        LOG.info("Condition search: {} condition(s) defined in the HTS: {}", names.size(), names);
        startRealtime();
    }

    /**
     * A CNSRREQ answer: the search_type 1 initial list or a search_type 0 page (which has
     * {@code cont_yn}; the next page is asked for at once). One MATCH per listed symbol.
     */
    public synchronized List<ConditionSignal> matches(String json) {
        JsonNode answer = parse(json);
        String seq = answer.path("seq").asText("").trim();
        if (!ok(answer, "CNSRREQ")) {
            running.remove(seq);
            return List.of();
        }
        if ("Y".equals(answer.path("cont_yn").asText())) {
            send(search(seq, "Y", answer.path("next_key").asText("")));
        }
        List<ConditionSignal> signals = ConditionSignalTranslator.fromSearch(answer, names(),
                OffsetDateTime.now(KiwoomValues.KST));
        count("match", signals.size());
        return signals;
    }

    /** The 02 rows of a REAL frame: ENTER (I) / EXIT (D). */
    public synchronized List<ConditionSignal> alerts(String json) {
        List<ConditionSignal> signals = ConditionSignalTranslator.fromFrame(parse(json), names(), calendar.today());
        count("alert", signals.size());
        return signals;
    }

    /** A CNSRCLR answer. */
    public synchronized void cleared(String json) {
        JsonNode answer = parse(json);
        if (ok(answer, "CNSRCLR")) {
            LOG.info("Condition search: real-time condition {} stopped", answer.path("seq").asText("").trim());
        }
    }

    /** Starts a search_type 0 search of every periodic condition; a no-op before the list has arrived. */
    public synchronized void searchPeriodic() {
        if (listed == null || wantedPeriodic.isEmpty()) {
            return;
        }
        resolve(wantedPeriodic).forEach(seq -> send(search(seq, "N", "")));
    }

    private void startRealtime() {
        Set<String> seqs = resolve(wantedRealtime);
        if (seqs.size() > settings.maxRealtime()) {
            LOG.error("Condition search: {} real-time conditions configured, Kiwoom allows {} per login; "
                    + "starting only the first {}", seqs.size(), settings.maxRealtime(), settings.maxRealtime());
            seqs = seqs.stream().limit(settings.maxRealtime()).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        for (String seq : seqs) {
            if (running.add(seq)) {
                ObjectNode request = control("CNSRREQ", seq);
                request.put("search_type", "1").put("stex_tp", settings.exchange());
                send(request);
                LOG.info("Condition search: starting real-time condition {} ({})", seq, listed.get(seq));
            }
        }
    }

    /** Names or seqs → the seqs the list knows, in the given order; unknown entries are logged. */
    private Set<String> resolve(List<String> wanted) {
        Set<String> seqs = new LinkedHashSet<>();
        if (listed == null) {
            return seqs;
        }
        for (String entry : wanted) {
            Optional<String> seq = listed.containsKey(entry) ? Optional.of(entry)
                    : listed.entrySet().stream().filter(e -> e.getValue().equals(entry)).map(Map.Entry::getKey).findFirst();
            seq.ifPresentOrElse(seqs::add, () -> LOG.warn("Condition search: no condition named or numbered '{}' "
                    + "in the HTS list {}", entry, listed));
        }
        return seqs;
    }

    private ObjectNode search(String seq, String contYn, String nextKey) {
        ObjectNode request = control("CNSRREQ", seq);
        return request.put("search_type", "0").put("stex_tp", settings.exchange()).put("cont_yn", contYn)
                .put("next_key", nextKey);
    }

    private static ObjectNode control(String trnm, String seq) {
        ObjectNode frame = CanonicalJson.mapper().createObjectNode().put("trnm", trnm);
        if (seq != null) {
            frame.put("seq", seq);
        }
        return frame;
    }

    private void send(ObjectNode frame) {
        Optional<KiwoomSession> session = session();
        if (session.isEmpty()) {
            return;
        }
        try {
            session.get().send(frame.toString());
        } catch (IllegalStateException notLoggedIn) {
            // The next login asks for the list again and restarts everything.
            LOG.debug("Condition search: {} not sent: {}", frame.path("trnm").asText(), notLoggedIn.getMessage());
        }
    }

    private boolean ok(JsonNode answer, String trnm) {
        String code = answer.path("return_code").asText("0").trim();
        if (code.isEmpty() || code.equals("0")) {
            return true;
        }
        count("refused", 1);
        LOG.warn("Condition search: {} {} refused with {}: {}", trnm, answer.path("seq").asText("").trim(), code,
                answer.path("return_msg").asText(""));
        return false;
    }

    private Map<String, String> names() {
        return listed == null ? Map.of() : listed;
    }

    private Optional<KiwoomSession> session() {
        return settings.account().isBlank() ? sessions.all().stream().findFirst() : sessions.find(settings.account());
    }

    private void count(String kind, int amount) {
        meters.counter("kiwoom.conditions.events", "kind", kind).increment(amount);
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("condition search frame is not JSON", e);
        }
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : new ArrayList<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList());
    }
}
