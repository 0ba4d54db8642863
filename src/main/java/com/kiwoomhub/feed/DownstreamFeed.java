package com.kiwoomhub.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.realtime.Channel;
import com.kiwoomhub.security.AccessToken;
import com.kiwoomhub.topics.TopicNames;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;

/**
 * The Java behind {@code routes/realtime-feed.camel.yaml}: the clients of the downstream WebSocket,
 * what each subscribed, and the fan-out of the records of every real-time channel read from Kafka.
 *
 * <p>Client → hub: {@code {"type":"SUBSCRIBE","symbols":["005930"],"channels":["trades"]}} or
 * {@code UNSUBSCRIBE} (no channels = every channel that takes the symbol; index codes such as
 * {@code 001} go with channel {@code indices}). Hub → client: {@code SUBSCRIBED} /
 * {@code UNSUBSCRIBED} with the client's current subscriptions, {@code ERROR} with a message, and
 * each record as {@code {"channel":"trades","data":<the canonical JSON as on Kafka>}}, and to every client
 * each gap marker of the real-time stream as {@code {"type":"STATUS","data":<the StreamStatus JSON>}}.
 *
 * <p>The Kafka side only queues into each client's bounded buffer ({@link FeedClient}), which writes to
 * the client's socket without blocking anyone. A client is admitted when it connects (token, client limit)
 * and refused with a WebSocket close code and reason; one whose write fails, or that stays too slow, is
 * dropped at once and forgotten. Failures are counted, and logged in one line a minute at most.
 *
 * <p>The Camel WebSocket server hands events over on worker threads without keeping their order: a
 * client's first request can come before its OPEN (it is held until then), and its CLOSE before its last
 * message, so closed connection keys are remembered (they are never reused) and such a message does not
 * bring the client back. For the same reason a client should wait for the reply to one request before
 * sending the next.
 */
@Component("downstreamFeed")
public class DownstreamFeed {

    static final short POLICY_VIOLATION = 1008;
    static final short MESSAGE_TOO_BIG = 1009;
    static final short INTERNAL_ERROR = 1011;
    static final short TRY_AGAIN_LATER = 1013;
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamFeed.class);
    private static final Pattern SYMBOL = Pattern.compile("[0-9A-Z]{6}");
    private static final int CLOSED_REMEMBERED = 10_000;
    private static final long FAILURE_LINE_EVERY = TimeUnit.MINUTES.toNanos(1);

    private final FeedProperties settings;
    private final AccessToken token;
    private final Map<String, Channel> channelByTopic;
    private final String streamStatusTopic;
    private final Map<String, FeedClient> clients = new ConcurrentHashMap<>();
    /** The first request of a connection whose OPEN is not handled yet. */
    private final Map<String, String> early = new ConcurrentHashMap<>();
    /** Recently closed connection keys, bounded. */
    private final Set<String> closed = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    }));
    private final Counter dropped;
    private final Counter delivered;
    private final Counter writeFailures;
    private final MeterRegistry meters;
    private final AtomicLong failuresSinceLine = new AtomicLong();
    private final AtomicLong nextFailureLine = new AtomicLong(System.nanoTime());

    public DownstreamFeed(FeedProperties settings, MeterRegistry meters, TopicNames topics) {
        this.settings = settings;
        this.meters = meters;
        this.token = new AccessToken(settings.token());
        this.channelByTopic = Map.of(topics.trades(), Channel.TRADES, topics.orderbooks(), Channel.ORDERBOOKS,
                topics.indices(), Channel.INDICES, topics.marketEvents(), Channel.MARKET_EVENTS,
                topics.expectedTrades(), Channel.EXPECTED_TRADES, topics.programTrades(), Channel.PROGRAM_TRADES);
        this.streamStatusTopic = topics.streamStatus();
        this.dropped = Counter.builder("hub.feed.dropped")
                .description("Records dropped because a feed client's buffer was full (oldest first)").register(meters);
        this.delivered = Counter.builder("hub.feed.records")
                .description("Records queued for feed clients").register(meters);
        this.writeFailures = Counter.builder("hub.feed.write.failures")
                .description("Feed clients dropped because a write to them failed or they stayed too slow").register(meters);
        Gauge.builder("hub.feed.clients", clients, Map::size).description("Connected feed clients").register(meters);
    }

    /** An event of the WebSocket consumer: OPEN, MESSAGE (a client frame) or CLOSE. */
    public void onClientEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        String key = in.getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
        VertxWebsocketEvent event = in.getHeader(VertxWebsocketConstants.EVENT, VertxWebsocketEvent.MESSAGE,
                VertxWebsocketEvent.class);
        if (key == null || closed.contains(key)) {
            return;
        }
        switch (event) {
            case OPEN -> {
                ServerWebSocket socket = in.getBody(ServerWebSocket.class);
                FeedClient admitted = admit(key, socket, presentedToken(in, socket));
                String first = early.remove(key);
                if (admitted != null && first != null) {
                    request(admitted, first);
                }
            }
            case CLOSE, ERROR -> forget(key);
            default -> {
                String text = in.getBody(String.class);
                FeedClient client = clientOrHold(key, text);
                if (client != null) {
                    request(client, text);
                }
            }
        }
    }

    /**
     * One record of a channel's topic ({@code topics.trades}, {@code topics.indices} …), to every client that
     * wants it; one from {@code topics.stream-status}, to every client.
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

    /** A socket error of a connection (reported by the WebSocket consumer): the client is dropped. */
    void socketFailed(String key, Throwable cause) {
        FeedClient client = key == null ? null : clients.get(key);
        if (client != null && tooBig(cause)) {
            forget(key);
            refused("frame");
            client.connection().close(MESSAGE_TOO_BIG, "message too big: at most " + settings.maxFrame().toBytes() + " bytes");
        } else if (client != null && client.close()) {
            failed(client, cause);
        } else {
            failureLine(cause);
        }
    }

    /** A frame or message over the server's limit (Vert.x reports the latter only by its text). */
    private static boolean tooBig(Throwable cause) {
        return cause instanceof CorruptedWebSocketFrameException
                || String.valueOf(cause.getMessage()).contains("max message size");
    }

    private synchronized FeedClient admit(String key, ServerWebSocket socket, String presented) {
        if (closed.contains(key) || socket == null) {
            return null;
        }
        if (token.configured() && !token.matches(presented)) {
            return refuse(key, socket, "token", POLICY_VIOLATION, "feed token missing or wrong");
        }
        if (clients.size() >= settings.maxClients()) {
            return refuse(key, socket, "clients", TRY_AGAIN_LATER, "feed full: at most " + settings.maxClients() + " clients");
        }
        FeedClient client = new FeedClient(key, connection(socket), settings.clientBuffer(), settings.maxWriteWait().toNanos(),
                System::nanoTime, dropped::increment, this::failed);
        clients.put(key, client);
        return client;
    }

    private FeedClient refuse(String key, ServerWebSocket socket, String reason, short code, String text) {
        closed.add(key);
        early.remove(key);
        refused(reason);
        connection(socket).close(code, text);
        return null;
    }

    private void refused(String reason) {
        Counter.builder("hub.feed.refused").tag("reason", reason).description("Feed connections and requests refused")
                .register(meters).increment();
    }

    /** The admitted client, or null after holding the frame until its OPEN is handled. */
    private synchronized FeedClient clientOrHold(String key, String text) {
        FeedClient client = clients.get(key);
        if (client == null && !closed.contains(key) && early.size() < settings.maxClients()) {
            early.putIfAbsent(key, text == null ? "" : text);
        }
        return client;
    }

    private synchronized void forget(String key) {
        closed.add(key);
        early.remove(key);
        FeedClient gone = clients.remove(key);
        if (gone != null) {
            gone.close();
        }
    }

    /** A client whose write failed or that stayed too slow: closed, forgotten, counted; one log line a minute. */
    private void failed(FeedClient client, Throwable cause) {
        forget(client.connectionKey());
        if (cause instanceof FeedClient.SlowClientException) {
            client.connection().close(POLICY_VIOLATION, "too slow: " + cause.getMessage());
        } else {
            client.connection().close(INTERNAL_ERROR, "write failed");
        }
        writeFailures.increment();
        failureLine(cause);
    }

    private void failureLine(Throwable cause) {
        long sinceLine = failuresSinceLine.incrementAndGet();
        long due = nextFailureLine.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextFailureLine.compareAndSet(due, now + FAILURE_LINE_EVERY)) {
            failuresSinceLine.addAndGet(-sinceLine);
            LOG.warn("Feed: {} client failure(s) (a write or the socket failed, or a client stayed too slow) since the "
                    + "last such line, latest: {}; dropped clients are counted in hub_feed_write_failures_total; this "
                    + "line comes at most once a minute", sinceLine, String.valueOf(cause));
        }
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
            if (subscribe && client.symbolsWith(symbols) > settings.maxSymbols()) {
                forget(client.connectionKey());
                refused("symbols");
                client.connection().close(POLICY_VIOLATION, "subscription limit: at most " + settings.maxSymbols()
                        + " symbols per client");
                return;
            }
            symbols.stream().filter(s -> !SYMBOL.matcher(s).matches() && !Channel.INDICES.accepts(s)).findFirst()
                    .ifPresent(s -> {
                        throw new IllegalArgumentException("symbol '" + s
                                + "' is not a 6-character code nor a 3-digit index code");
                    });
            List<Channel> channels = request.has("channels") ? strings(request.path("channels"), "channels").stream()
                    .map(name -> Channel.named(name).orElseThrow(() -> new IllegalArgumentException(
                            "unknown channel '" + name + "'; the feed has " + Channel.names()))).toList()
                    : List.of(Channel.values());
            for (Channel channel : channels) {
                for (String symbol : symbols) {
                    // no channels named = every channel that takes the item (stock channels or indices)
                    if (!channel.accepts(symbol)) {
                        if (request.has("channels")) {
                            throw new IllegalArgumentException("'" + symbol + "' is not an item of channel "
                                    + channel.channelName());
                        }
                        continue;
                    }
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

    /** {@code ?token=} of the connection URL, else {@code Authorization: Bearer} of its upgrade request. */
    private static String presentedToken(Message in, ServerWebSocket socket) {
        String query = in.getHeader("token", String.class);
        if (query != null || socket == null) {
            return query;
        }
        return AccessToken.bearer(socket.headers().get("Authorization"));
    }

    private static FeedConnection connection(ServerWebSocket socket) {
        return new FeedConnection() {
            @Override
            public CompletionStage<Void> write(String text) {
                return socket.writeTextMessage(text).toCompletionStage();
            }

            @Override
            public void close(short code, String reason) {
                if (!socket.isClosed()) {
                    socket.close(code, reason);
                }
            }
        };
    }
}
