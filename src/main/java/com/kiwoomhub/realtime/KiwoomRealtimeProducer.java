package com.kiwoomhub.realtime;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * With header {@code KiwoomOperation=SUBSCRIBE|UNSUBSCRIBE}: changes the session's registrations
 * from headers {@code KiwoomTypes}, {@code KiwoomItems} (comma lists or collections) and optional
 * {@code KiwoomGroup}. Without it: sends the body as a control frame (CNSRLST, CNSRREQ, CNSRCLR).
 */
public class KiwoomRealtimeProducer extends DefaultProducer {

    public KiwoomRealtimeProducer(KiwoomRealtimeEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public KiwoomRealtimeEndpoint getEndpoint() {
        return (KiwoomRealtimeEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        KiwoomSession session = getEndpoint().session(in.getHeader(KiwoomRealtimeHeaders.ACCOUNT, String.class));
        String operation = in.getHeader(KiwoomRealtimeHeaders.OPERATION, String.class);
        String group = in.getHeader(KiwoomRealtimeHeaders.GROUP, KiwoomSession.DEFAULT_GROUP, String.class);
        if (operation == null) {
            session.send(in.getMandatoryBody(String.class)).get(10, TimeUnit.SECONDS); // a stuck socket fails the exchange
        } else if (operation.equalsIgnoreCase("SUBSCRIBE")) {
            session.register(group, list(in, KiwoomRealtimeHeaders.TYPES), list(in, KiwoomRealtimeHeaders.ITEMS));
        } else if (operation.equalsIgnoreCase("UNSUBSCRIBE")) {
            session.unregister(group, list(in, KiwoomRealtimeHeaders.TYPES), list(in, KiwoomRealtimeHeaders.ITEMS));
        } else {
            throw new IllegalArgumentException(KiwoomRealtimeHeaders.OPERATION + " must be SUBSCRIBE or UNSUBSCRIBE, got " + operation);
        }
    }

    private static List<String> list(Message in, String header) {
        Object value = in.getHeader(header);
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value == null) {
            throw new IllegalArgumentException("header " + header + " is required for SUBSCRIBE/UNSUBSCRIBE");
        }
        // A blank list means the blank item of account-wide types (00, 04).
        return value.toString().isBlank() ? List.of("") : Arrays.stream(value.toString().split(",")).map(String::trim).toList();
    }
}
