package com.kiwoomhub.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.realtime.Channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Java behind {@code routes/realtime-feed.camel.yaml}: the clients of the downstream WebSocket,
 * what each subscribed, and the fan-out of the trade and order-book records read from Kafka.
 *
 * <p>Client → hub: {@code {"type":"SUBSCRIBE","symbols":["005930"],"channels":["trades"]}} or
 * {@code UNSUBSCRIBE} (no channels = every channel). Hub → client: {@code SUBSCRIBED} /
 * {@code UNSUBSCRIBED} with the client's current subscriptions, {@code ERROR} with a message, and
 * each record as {@code {"channel":"trades","data":<the canonical JSON as on Kafka>}}, and to every client
 * each gap marker of the real-time stream as {@code {"type":"STATUS","data":<the StreamStatus JSON>}}.
 *
 * <p>The Kafka side only queues into each client's bounded buffer ({@link FeedClient}); writes go
 * out through route {@value #SEND_URI} without blocking anyone.
 *
 * <p>The Camel WebSocket server hands events over on worker threads without keeping their order, so a
 * client's CLOSE can be seen before its last message: closed connection keys are remembered (they are
 * never reused) so that such a message does not bring the client back. For the same reason a client
 * should wait for the reply to one request before sending the next.
 */
@Component("downstreamFeed")
public class DownstreamFeed {

    /** The route that writes one frame to one client (header CamelVertxWebsocket.connectionKey). */
    static final String SEND_URI = "direct:realtime-feed-send";
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamFeed.class);
    private static final Pattern SYMBOL = Pattern.compile("[0-9A-Z]{6}");
    private static final int CLOSED_REMEMBERED = 10_000;

    private final CamelContext camel;
    private final FeedProperties settings;
    private final Map<String, Channel> channelByTopic;
    private final String streamStatusTopic;
    private final Map<String, FeedClient> clients = new ConcurrentHashMap<>();
    /** Recently closed connection keys, bounded. */
    private final Set<String> closed = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    }));
    private final Counter dropped;
    private final Counter delivered;
    private volatile AsyncProducer producer;

    public DownstreamFeed(CamelContext camel, FeedProperties settings, MeterRegistry meters,
                          @Value("${topics.trades}") String trades, @Value("${topics.orderbooks}") String orderbooks,
                          @Value("${topics.stream-status}") String streamStatus) {
        this.camel = camel;
        this.settings = settings;
        this.channelByTopic = Map.of(trades, Channel.TRADES, orderbooks, Channel.ORDERBOOKS);
        this.streamStatusTopic = streamStatus;
        this.dropped = Counter.builder("hub.feed.dropped")
                .description("Records dropped because a feed client's buffer was full (oldest first)").register(meters);
        this.delivered = Counter.builder("hub.feed.records")
                .description("Records queued for feed clients").register(meters);
        Gauge.builder("hub.feed.clients", clients, Map::size).description("Connected feed clients").register(meters);
    }

    /** An event of the WebSocket consumer: OPEN, MESSAGE (a client frame), CLOSE or ERROR. */
    public void onClientEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        String key = in.getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
        VertxWebsocketEvent event = in.getHeader(VertxWebsocketConstants.EVENT, VertxWebsocketEvent.MESSAGE,
                VertxWebsocketEvent.class);
        if (key == null || closed.contains(key)) {
            return;
        }
        switch (event) {
            case OPEN -> client(key);
            case CLOSE, ERROR -> {
                closed.add(key);
                FeedClient gone = clients.remove(key);
                if (gone != null) {
                    gone.close();
                }
            }
            default -> request(client(key), in.getBody(String.class));
        }
    }

    /**
     * One record from {@code topics.trades} or {@code topics.orderbooks}, to every client that wants it;
     * one from {@code topics.stream-status}, to every client.
     */
    public void publish(Exchange exchange) {
        Message in = exchange.getMessage();
        String topic = in.getHeader(KafkaConstants.TOPIC, String.class);
        if (streamStatusTopic.equals(topic)) {
            String frame = "{\"type\":\"STATUS\",\"data\":" + in.getBody(String.class) + "}";
            clients.values().forEach(client -> {
                client.offer(frame);
                delivered.increment();
            });
            return;
        }
        Channel channel = channelByTopic.get(topic);
        String symbol = in.getHeader(KafkaConstants.KEY, String.class);
        if (channel == null || symbol == null || clients.isEmpty()) {
            return;
        }
        String frame = null;
        for (FeedClient client : clients.values()) {
            if (client.wants(channel, symbol)) {
                if (frame == null) {
                    frame = "{\"channel\":\"" + channel.channelName() + "\",\"data\":" + in.getBody(String.class) + "}";
                }
                client.offer(frame);
                delivered.increment();
            }
        }
    }

    /** Connected clients now. */
    public int clientCount() {
        return clients.size();
    }

    private FeedClient client(String key) {
        return clients.computeIfAbsent(key, k -> new FeedClient(k, settings.clientBuffer(), this::send, dropped::increment));
    }

    private void request(FeedClient client, String text) {
        try {
            JsonNode request = CanonicalJson.mapper().readTree(text == null ? "" : text);
            String type = request == null ? "" : request.path("type").asText();
            boolean subscribe = type.equals("SUBSCRIBE");
            if (!subscribe && !type.equals("UNSUBSCRIBE")) {
                throw new IllegalArgumentException("type must be SUBSCRIBE or UNSUBSCRIBE");
            }
            List<String> symbols = strings(request.path("symbols"), "symbols");
            symbols.stream().filter(s -> !SYMBOL.matcher(s).matches()).findFirst().ifPresent(s -> {
                throw new IllegalArgumentException("symbol '" + s + "' is not a 6-character code");
            });
            List<Channel> channels = request.has("channels") ? strings(request.path("channels"), "channels").stream()
                    .map(name -> Channel.named(name).orElseThrow(() -> new IllegalArgumentException(
                            "unknown channel '" + name + "'; the feed has " + Channel.names()))).toList()
                    : List.of(Channel.values());
            for (Channel channel : channels) {
                for (String symbol : symbols) {
                    if (subscribe) {
                        client.subscribe(channel, symbol);
                    } else {
                        client.unsubscribe(channel, symbol);
                    }
                }
            }
            ObjectNode reply = CanonicalJson.mapper().createObjectNode().put("type", subscribe ? "SUBSCRIBED" : "UNSUBSCRIBED");
            ObjectNode current = reply.putObject("subscriptions");
            for (Channel channel : Channel.values()) {
                client.symbols(channel).forEach(current.putArray(channel.channelName())::add);
            }
            client.offer(reply.toString());
        } catch (Exception e) {
            String message = e instanceof IllegalArgumentException ? e.getMessage() : "not a JSON request";
            client.offer(CanonicalJson.mapper().createObjectNode().put("type", "ERROR").put("message", message).toString());
        }
    }

    private static List<String> strings(JsonNode node, String field) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(field + " must be a non-empty array of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText().trim()));
        return values;
    }

    private CompletionStage<Void> send(String connectionKey, String text) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            Exchange exchange = camel.getEndpoint(SEND_URI).createExchange();
            exchange.getMessage().setHeader(VertxWebsocketConstants.CONNECTION_KEY, connectionKey);
            exchange.getMessage().setBody(text);
            producer().process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    LOG.debug("Feed client {}: write failed: {}", connectionKey, exchange.getException().toString());
                }
                written.complete(null);
            });
        } catch (Exception e) {
            LOG.debug("Feed client {}: cannot write: {}", connectionKey, e.toString());
            written.complete(null);
        }
        return written;
    }

    private AsyncProducer producer() throws Exception {
        AsyncProducer p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    AsyncProducer created = camel.getEndpoint(SEND_URI).createAsyncProducer();
                    ServiceHelper.startService(created);
                    producer = created;
                }
                p = producer;
            }
        }
        return p;
    }
}
