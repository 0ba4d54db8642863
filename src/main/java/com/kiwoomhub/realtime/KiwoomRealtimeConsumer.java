package com.kiwoomhub.realtime;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Feeds the session's frames into the route, synchronously on the session's consumer thread: the
 * route sees frames in arrival order, and a slow route slows only the hand-off queue, never the
 * PING echo. Body: the frame JSON as a String.
 */
public class KiwoomRealtimeConsumer extends DefaultConsumer implements SessionListener {

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
        getEndpoint().session().addListener(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().session().removeListener(this);
        super.doStop();
    }

    @Override
    public void onFrame(Frame frame) {
        if (!isRunAllowed() || !getEndpoint().accepts(frame)) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(frame.json());
            exchange.getMessage().setHeader(KiwoomRealtimeHeaders.TRNM, frame.trnm());
            exchange.getMessage().setHeader(KiwoomRealtimeHeaders.ACCOUNT, getEndpoint().session().account().alias());
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
}
