package com.kiwoomhub.realtime;

import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code kiwoom-realtime:<account alias>[?trnm=REAL,CNSRREQ&types=0B,0D]}: routes consume the
 * frames of that account's {@link KiwoomSession} and send control frames or SUBSCRIBE/UNSUBSCRIBE
 * operations to it. The alias {@value #ALL_ACCOUNTS} stands for every account's session: its consumer
 * gets the frames of all of them (header {@code KiwoomAccount} says whose; each session's frames stay
 * in order), its producer writes to the session named by header {@code KiwoomAccount}. A {@code trnm=LOGIN}
 * consumer fires after every successful login (the place to re-send CNSRLST and CNSRREQ). The session is owned
 * by Spring, not by the route: stopping a route detaches it from the session, which stays connected.
 *
 * <p>Any number of routes may consume the same sessions (the market data, the 00 executions and the
 * conditions all read {@code kiwoom-realtime:*}): each gets the frames its own {@code trnm} and {@code types}
 * let through, in the session's order. A session hands a frame to its consumers one after the other on its
 * one consumer thread, so a route that holds a frame long delays that session's other routes too.
 */
public class KiwoomRealtimeComponent extends DefaultComponent {

    /** The alias that means "every account". */
    public static final String ALL_ACCOUNTS = "*";

    private final KiwoomSessions sessions;

    public KiwoomRealtimeComponent(KiwoomSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ALL_ACCOUNTS.equals(remaining)) {
            KiwoomRealtimeEndpoint endpoint = new KiwoomRealtimeEndpoint(uri, this, remaining, sessions.all(), true);
            setProperties(endpoint, parameters);
            return endpoint;
        }
        KiwoomSession session = sessions.find(remaining).orElseThrow(() -> new IllegalArgumentException(
                "kiwoom-realtime: no realtime session for account alias '" + remaining + "'; configured: "
                        + sessions.all().stream().map(s -> s.account().alias()).toList()
                        + " (is kiwoom.realtime.enabled true and the account configured?)"));
        KiwoomRealtimeEndpoint endpoint = new KiwoomRealtimeEndpoint(uri, this, remaining, List.of(session), false);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
