package com.kiwoomhub.notifications;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Java behind {@code routes/notifications.camel.yaml}: turns condition signals and order events
 * into one-line Slack texts a person reads at a glance (event, side, symbol and name, condition or
 * order, quantity, price, KST time), and caps how many go out per window. Names and last prices come
 * from the quotes the hub publishes; a symbol not quoted yet shows its code only.
 */
@Component("alertMessages")
public class AlertMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final NotificationProperties settings;
    private final Map<String, JsonNode> quotes = new ConcurrentHashMap<>();
    /** When the current window opened, epoch ms; -1 while none is open. */
    private long windowStart = -1;
    private int sent;
    private int held;
    /** Held back in windows that closed, not summarised yet. */
    private int heldBack;

    public AlertMessages(NotificationProperties settings) {
        this.settings = settings;
    }

    /** Keeps a symbol's name and last price from a kiwoom.quotes record. */
    public void remember(JsonNode quote) {
        String symbol = quote.path("symbol").asText("");
        if (!symbol.isEmpty() && "KRX".equals(quote.path("venue").asText("KRX"))) {
            quotes.put(symbol, quote);
        }
    }

    /** ENTER/EXIT of a condition; null for other events (MATCH lists answer a search, they alert no one). */
    public String conditionSignal(JsonNode signal) {
        String event = signal.path("event").asText();
        if (!"ENTER".equals(event) && !"EXIT".equals(event)) {
            return null;
        }
        String symbol = signal.path("symbol").asText();
        String condition = signal.path("conditionName").asText("").isEmpty()
                ? "condition " + signal.path("conditionSeq").asText()
                : signal.path("conditionName").asText() + " (" + signal.path("conditionSeq").asText() + ")";
        JsonNode quote = quotes.get(symbol);
        String price = quote == null ? "" : " · " + won(quote.path("price").asLong());
        return event + " " + stock(symbol) + " · " + condition + price + " · " + time(signal.path("time").asText());
    }

    /** Fills and rejections of orders; null for every other order event. */
    public String orderEvent(JsonNode event) {
        String type = event.path("type").asText();
        String symbol = event.path("symbol").asText();
        String side = event.path("side").asText("");
        String order = "order " + (event.hasNonNull("clientOrderId") ? event.path("clientOrderId").asText()
                : event.path("brokerOrderId").asText());
        String head = type + (side.isEmpty() ? "" : " " + side) + " " + stock(symbol);
        return switch (type) {
            // a caught-up FILL may have no lastFillPrice (docs/contracts.md §6.6): no price rather than "0 KRW"
            case "FILL" -> head + " · " + shares(event.path("lastFillQuantity").asLong())
                    + (event.hasNonNull("lastFillPrice") ? " @ " + won(event.path("lastFillPrice").asLong()) : "")
                    + " (" + number(event.path("filledQuantity").asLong())
                    + "/" + number(event.path("orderQuantity").asLong()) + " filled) · " + order + " · "
                    + time(event.path("time").asText());
            case "REJECTED" -> head + (event.hasNonNull("orderQuantity") ? " · " + shares(event.path("orderQuantity").asLong())
                    : "") + " · " + reason(event) + " · " + order + " · " + time(event.path("time").asText());
            default -> null;
        };
    }

    /**
     * The text if its window has room for it, else null (counted for the window's summary). A window
     * opens with the first alert after the previous one closed and lasts {@code hub.notifications.window}.
     */
    public synchronized String admit(String text) {
        long nowMillis = System.currentTimeMillis();
        close(nowMillis);
        if (windowStart < 0) {
            windowStart = nowMillis;
        }
        if (sent < settings.maxPerWindow()) {
            sent++;
            return text;
        }
        held++;
        return null;
    }

    /** Asked every second: once a window has closed, what its cap held back in one message; else null. */
    public synchronized String summary() {
        close(System.currentTimeMillis());
        int count = heldBack;
        heldBack = 0;
        return count == 0 ? null : "… and " + count + " more in the last " + span(settings.window());
    }

    private void close(long nowMillis) {
        if (windowStart >= 0 && nowMillis - windowStart >= settings.window().toMillis()) {
            heldBack += held;
            windowStart = -1;
            sent = 0;
            held = 0;
        }
    }

    private String stock(String symbol) {
        JsonNode quote = quotes.get(symbol);
        String name = quote == null ? "" : quote.path("name").asText("");
        return name.isEmpty() ? symbol : symbol + " " + name;
    }

    private static String reason(JsonNode event) {
        String code = event.path("errorCode").asText("");
        String text = event.path("reason").asText("");
        return code.isEmpty() ? text : text.isEmpty() ? code : code + " " + text;
    }

    private static String time(String isoTime) {
        return TIME.format(OffsetDateTime.parse(isoTime).atZoneSameInstant(KST)) + " KST";
    }

    private static String won(long amount) {
        return number(amount) + " KRW";
    }

    private static String shares(long quantity) {
        return number(quantity) + (quantity == 1 ? " share" : " shares");
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    private static String span(Duration window) {
        return window.equals(Duration.ofMinutes(1)) ? "minute" : window.toSeconds() + " s";
    }
}
