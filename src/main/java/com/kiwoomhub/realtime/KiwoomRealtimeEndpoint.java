package com.kiwoomhub.realtime;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One account's session as an endpoint. Options: {@code trnm} (comma list; only frames with one
 * of these trnm reach the consumer), {@code types} (comma list; REAL frames pass only if one of
 * their rows has one of these types; other frames are not affected) and {@code maxInFlight}
 * (consumer: frames in the route at once per session, default 1; see {@link KiwoomRealtimeConsumer}).
 * Frames are never split. With {@code gaps=true} the consumer receives no frames but each session's gap
 * transitions (body: a {@link com.kiwoomhub.canonical.StreamStatus}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kiwoom-realtime", title = "Kiwoom Realtime",
        syntax = "kiwoom-realtime:account", category = {Category.API, Category.NETWORKING},
        headersClass = KiwoomRealtimeHeaders.class)
public class KiwoomRealtimeEndpoint extends DefaultEndpoint {

    @UriPath(description = "Alias of the account whose WebSocket session this is; * = every account's session.")
    @Metadata(required = true)
    private final String account;
    private final List<KiwoomSession> sessions;
    private final boolean allAccounts;
    @UriParam(label = "consumer", javaType = "java.lang.String",
            description = "Comma list: only frames with one of these trnm reach the consumer (e.g. REAL, LOGIN, CNSRREQ); empty = all.")
    private Set<String> trnm = Set.of();
    @UriParam(label = "consumer", javaType = "java.lang.String",
            description = "Comma list: REAL frames pass only if one of their rows has one of these types (e.g. 0B,0D); other frames are not affected.")
    private Set<String> types = Set.of();
    @UriParam(label = "consumer", defaultValue = "1",
            description = "Frames of one session in the route at once, awaiting an asynchronous last step (such as a Kafka ack).")
    private int maxInFlight = 1;
    private boolean gaps;

    KiwoomRealtimeEndpoint(String uri, KiwoomRealtimeComponent component, String account, List<KiwoomSession> sessions,
                           boolean allAccounts) {
        super(uri, component);
        this.account = account;
        this.sessions = List.copyOf(sessions);
        this.allAccounts = allAccounts;
    }

    /** The sessions this endpoint reads: one, or every account's for {@code kiwoom-realtime:*}. */
    List<KiwoomSession> sessions() {
        return sessions;
    }

    /**
     * The session a producer writes to: the endpoint's own, or for {@code kiwoom-realtime:*} the one
     * whose alias is in {@code account} (header {@code KiwoomAccount}).
     */
    KiwoomSession session(String alias) {
        if (!allAccounts) {
            return sessions.get(0);
        }
        if (alias == null) {
            throw new IllegalArgumentException("kiwoom-realtime:* needs header " + KiwoomRealtimeHeaders.ACCOUNT
                    + " to know which account's session to write to");
        }
        return sessions.stream().filter(s -> s.account().alias().equals(alias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kiwoom-realtime: no realtime session for account alias '"
                        + alias + "'"));
    }

    public String getAccount() {
        return account;
    }

    public void setTrnm(String trnm) {
        this.trnm = split(trnm);
    }

    public String getTrnm() {
        return String.join(",", trnm);
    }

    public void setTypes(String types) {
        this.types = split(types);
    }

    public String getTypes() {
        return String.join(",", types);
    }

    public void setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("kiwoom-realtime: maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setGaps(boolean gaps) {
        this.gaps = gaps;
    }

    /** The consumer receives gap transitions instead of frames. */
    public boolean isGaps() {
        return gaps;
    }

    @Override
    public Producer createProducer() {
        return new KiwoomRealtimeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        KiwoomRealtimeConsumer consumer = new KiwoomRealtimeConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Whether a frame passes the trnm and types filters. */
    boolean accepts(Frame frame) {
        if (gaps) {
            return false;
        }
        if (!trnm.isEmpty() && !trnm.contains(frame.trnm())) {
            return false;
        }
        if (types.isEmpty() || !frame.trnm().equals("REAL")) {
            return true;
        }
        for (JsonNode row : frame.tree().path("data")) {
            if (types.contains(row.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> split(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
