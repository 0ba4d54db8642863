package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Feeds the sessions' frames into the route, synchronously on each session's consumer thread: the
 * route sees a session's frames in arrival order, and a slow route slows only the hand-off queue,
 * never the PING echo. Body: the frame JSON as a String; header {@code KiwoomAccount}: whose session.
 */
public class KiwoomRealtimeConsumer extends DefaultConsumer {

    private final List<Attachment> attachments = new ArrayList<>();

    public KiwoomRealtimeConsumer(KiwoomRealtimeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KiwoomRealtimeEndpoint getEndpoint() {
        return (KiwoomRealtimeEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        for (KiwoomSession session : getEndpoint().sessions()) {
            Attachment attachment = new Attachment(session);
            attachments.add(attachment);
            session.addListener(attachment);
        }
    }

    @Override
    protected void doStop() throws Exception {
        attachments.forEach(a -> a.session.removeListener(a));
        attachments.clear();
        super.doStop();
    }

    private void onFrame(KiwoomSession session, Frame frame) {
        if (!isRunAllowed() || !getEndpoint().accepts(frame)) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(frame.json());
            exchange.getMessage().setHeader(KiwoomRealtimeHeaders.TRNM, frame.trnm());
            exchange.getMessage().setHeader(KiwoomRealtimeHeaders.ACCOUNT, session.account().alias());
            exchange.getMessage().setHeader(KiwoomRealtimeHeaders.RECEIVED_AT, frame.receivedAt().toEpochMilli());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing Kiwoom frame " + frame.trnm(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** This consumer listening to one session, so that each frame knows its account. */
    private final class Attachment implements SessionListener {

        private final KiwoomSession session;

        Attachment(KiwoomSession session) {
            this.session = session;
        }

        @Override
        public void onFrame(Frame frame) {
            KiwoomRealtimeConsumer.this.onFrame(session, frame);
        }

        @Override
        public String toString() {
            return getEndpoint().getEndpointUri() + " (" + session.account().alias() + ")";
        }
    }
}
