package com.kiwoomhub.realtime;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code kiwoom-realtime:<account alias>[?trnm=REAL,CNSRREQ&types=0B,0D]}: routes consume the
 * frames of that account's {@link KiwoomSession} and send control frames or SUBSCRIBE/UNSUBSCRIBE
 * operations to it. A {@code trnm=LOGIN} consumer fires after every successful login (the place to
 * re-send CNSRLST and CNSRREQ). The session is owned by Spring, not by the route: stopping a route detaches
 * it from the session, which stays connected.
 */
public class KiwoomRealtimeComponent extends DefaultComponent {

    private final KiwoomSessions sessions;

    public KiwoomRealtimeComponent(KiwoomSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KiwoomSession session = sessions.find(remaining).orElseThrow(() -> new IllegalArgumentException(
                "kiwoom-realtime: no realtime session for account alias '" + remaining + "'; configured: "
                        + sessions.all().stream().map(s -> s.account().alias()).toList()
                        + " (is kiwoom.realtime.enabled true and the account configured?)"));
        KiwoomRealtimeEndpoint endpoint = new KiwoomRealtimeEndpoint(uri, this, session);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
