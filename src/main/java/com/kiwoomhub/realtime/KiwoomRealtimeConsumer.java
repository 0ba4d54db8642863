package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import com.kiwoomhub.canonical.StreamStatus;

/**
 * Feeds the sessions' frames into the route on each session's consumer thread, in arrival order; a
 * slow route slows only the hand-off queue, never the PING echo. Body: the frame JSON as a String;
 * header {@code KiwoomAccount}: whose session.
 *
 * <p>By default ({@code maxInFlight=1}) the next frame enters the route when the previous one has
 * finished. With {@code maxInFlight=N} the thread goes on as soon as a frame's exchange reaches an
 * asynchronous step (a Kafka send waiting for its ack), with at most N such exchanges per session.
 * Frames still enter the route in order, so a route whose only asynchronous step is its last one
 * (one Kafka send, whose records the producer takes in call order) keeps every symbol's order; a
 * route with later steps after an asynchronous one would not.
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
            Attachment attachment = new Attachment(session, new Semaphore(getEndpoint().getMaxInFlight()));
            attachments.add(attachment);
            session.addListener(attachment);
        }
    }

    @Override
    protected void doStop() throws Exception {
        for (Attachment a : attachments) {
            a.session.removeListener(a);
            // Let the exchanges in flight finish (their Kafka acks) before the route goes away.
            if (a.inFlight.tryAcquire(getEndpoint().getMaxInFlight(), 10, TimeUnit.SECONDS)) {
                a.inFlight.release(getEndpoint().getMaxInFlight());
            }
        }
        attachments.clear();
        super.doStop();
    }

    private void onFrame(Attachment attachment, Frame frame) {
        if (!isRunAllowed() || !getEndpoint().accepts(frame)) {
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(frame.json());
        exchange.getMessage().setHeader(KiwoomRealtimeHeaders.TRNM, frame.trnm());
        exchange.getMessage().setHeader(KiwoomRealtimeHeaders.ACCOUNT, attachment.session.account().alias());
        exchange.getMessage().setHeader(KiwoomRealtimeHeaders.RECEIVED_AT, frame.receivedAt().toEpochMilli());
        exchange.setProperty(KiwoomRealtimeHeaders.FRAME_TREE, frame.tree());
        process(attachment, exchange, "Kiwoom frame " + frame.trnm());
    }

    private void onGap(Attachment attachment, StreamStatus transition) {
        if (!isRunAllowed()) {
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(transition);
        exchange.getMessage().setHeader(KiwoomRealtimeHeaders.ACCOUNT, attachment.session.account().alias());
        process(attachment, exchange, "stream " + transition.event());
    }

    private void process(Attachment attachment, Exchange exchange, String what) {
        attachment.inFlight.acquireUninterruptibly();
        try {
            getAsyncProcessor().process(exchange, doneSync -> done(attachment, what, exchange));
        } catch (RuntimeException e) {
            exchange.setException(e);
            done(attachment, what, exchange);
        }
        if (getEndpoint().getMaxInFlight() == 1) {
            // In order, one at a time: wait here until this frame's exchange is done.
            attachment.inFlight.acquireUninterruptibly();
            attachment.inFlight.release();
        }
    }

    private void done(Attachment attachment, String what, Exchange exchange) {
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing " + what, exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        } finally {
            attachment.inFlight.release();
        }
    }

    /** This consumer listening to one session, so that each frame knows its account. */
    private final class Attachment implements SessionListener {

        private final KiwoomSession session;
        private final Semaphore inFlight;

        Attachment(KiwoomSession session, Semaphore inFlight) {
            this.session = session;
            this.inFlight = inFlight;
        }

        @Override
        public void onFrame(Frame frame) {
            KiwoomRealtimeConsumer.this.onFrame(this, frame);
        }

        @Override
        public boolean wantsGaps() {
            return getEndpoint().isGaps();
        }

        @Override
        public void onGap(StreamStatus transition) {
            KiwoomRealtimeConsumer.this.onGap(this, transition);
        }

        @Override
        public String toString() {
            return getEndpoint().getEndpointUri() + " (" + session.account().alias() + ")";
        }
    }
}
