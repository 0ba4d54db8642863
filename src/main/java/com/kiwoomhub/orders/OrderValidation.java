package com.kiwoomhub.orders;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/**
 * Checks an order-request record against the contract before anything else happens, and resolves
 * what a MODIFY or CANCEL refers to. Every refusal names the field and says what was expected, in
 * words an operator understands; nothing here calls Kiwoom.
 */
public class OrderValidation {

    private static final Pattern CLIENT_ORDER_ID = Pattern.compile(OrderRequest.CLIENT_ORDER_ID_PATTERN);
    private static final Pattern SYMBOL = Pattern.compile("^[0-9A-Z]{6}$");
    private static final Pattern BROKER_ORDER_ID = Pattern.compile("^[0-9]{1,10}$");

    private final KiwoomAccounts accounts;
    private final Set<String> exchanges;
    private final OrderJournal journal;
    private final ExecutionTracker executions;
    private final Clock clock;
    private final ObjectMapper json = CanonicalJson.mapper();

    public OrderValidation(KiwoomAccounts accounts, OrdersProperties settings, OrderJournal journal,
                           ExecutionTracker executions, Clock clock) {
        this.accounts = accounts;
        this.exchanges = settings.exchanges();
        this.journal = journal;
        this.executions = executions;
        this.clock = clock;
    }

    /** Why a request cannot be accepted; carries the message for the dead letter and the REJECTED event. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * {@link Admission.Admitted} with the resolved ticket, or {@link Admission.Invalid} with what could be read.
     *
     * @param value the record value as received (UTF-8 JSON); null for a tombstone
     */
    public Admission validate(byte[] value) {
        JsonNode node;
        try {
            node = value == null ? null : json.readTree(utf8(value));
        } catch (Refusal r) {
            return new Admission.Invalid(r.getMessage(), null, null, null);
        } catch (JsonProcessingException e) {
            return new Admission.Invalid("The record value is not valid JSON: " + e.getOriginalMessage(), null, null, null);
        }
        if (node == null || !node.isObject()) {
            return new Admission.Invalid("The record value must be a JSON object (an OrderRequest)", null, null, null);
        }
        String clientOrderId = usableText(node, "clientOrderId", CLIENT_ORDER_ID);
        String symbol = usableText(node, "symbol", SYMBOL);
        Side side = enumOrNull(node, "side", Side.class);
        try {
            return new Admission.Admitted(ticket(node));
        } catch (Refusal r) {
            return new Admission.Invalid(r.getMessage(), clientOrderId, symbol, side);
        }
    }

    /**
     * The alias of the account whose intake handles this record, from its bytes alone (no journal, no clock), so that
     * every intake on every instance agrees: the account the request names if it is configured; otherwise (none named,
     * not configured, not readable) the primary account, whose intake dead-letters what is invalid. A valid request
     * is thus handled by the intake of the account it is placed for.
     */
    public String intakeAccount(byte[] value) {
        try {
            JsonNode account = value == null ? null : json.readTree(utf8(value)).get("account");
            if (account != null && account.isTextual() && accounts.find(account.asText()).isPresent()) {
                return account.asText();
            }
        } catch (Refusal | JsonProcessingException e) {
            // unreadable: the primary account's intake dead-letters it with the reason
        }
        return accounts.primary().alias();
    }

    /** Strict: a malformed byte refuses the request instead of becoming U+FFFD. */
    private static String utf8(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(value.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new Refusal("The record value is not valid UTF-8 (byte " + in.position() + " of " + value.length + ")");
        }
        return out.flip().toString();
    }

    private OrderTicket ticket(JsonNode node) {
        String clientOrderId = text(node, "clientOrderId");
        if (clientOrderId == null) {
            throw new Refusal("clientOrderId is required");
        }
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new Refusal("clientOrderId '" + clientOrderId + "' must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        OrderAction action = requiredEnum(node, "action", OrderAction.class);
        KiwoomAccount account = account(node);
        return switch (action) {
            case NEW -> newOrder(node, clientOrderId, account);
            case MODIFY, CANCEL -> change(node, clientOrderId, action, account);
        };
    }

    private OrderTicket newOrder(JsonNode node, String clientOrderId, KiwoomAccount account) {
        Side side = requiredEnum(node, "side", Side.class);
        String symbol = symbol(node, true);
        long quantity = requiredWhole(node, "quantity");
        if (quantity <= 0) {
            throw new Refusal("quantity must be at least 1 share for a NEW order, got " + quantity);
        }
        OrderType type = requiredEnum(node, "orderType", OrderType.class);
        Long price = optionalWhole(node, "price");
        if (type.requiresPrice()) {
            if (price == null) {
                throw new Refusal("price is required for orderType " + type);
            }
            onTickGrid("price", price);
        } else if (price != null && price != 0) {
            throw new Refusal("price must be absent for orderType " + type + " (the exchange sets the price), got " + price);
        }
        Long stopPrice = optionalWhole(node, "stopPrice");
        if (type == OrderType.STOP_LIMIT) {
            if (stopPrice == null) {
                throw new Refusal("stopPrice is required for orderType STOP_LIMIT");
            }
            onTickGrid("stopPrice", stopPrice);
        } else if (stopPrice != null) {
            throw new Refusal("stopPrice is only allowed for orderType STOP_LIMIT, not " + type);
        }
        OrderDestination destination = node.hasNonNull("exchange")
                ? requiredEnum(node, "exchange", OrderDestination.class) : OrderDestination.KRX;
        if (account.mock() && destination != OrderDestination.KRX) {
            throw new Refusal("exchange " + destination + " is not available on a 모의투자 (mock) account; only KRX is");
        }
        if (!exchanges.contains(destination.name())) {
            throw new Refusal("exchange " + destination + " is not allowed (kiwoom.orders.exchanges: "
                    + String.join(",", exchanges) + ")");
        }
        OrderRequest request = new OrderRequest(clientOrderId, OrderAction.NEW, account.alias(), side, symbol, quantity,
                type, type.requiresPrice() ? price : null, stopPrice, destination, null, null);
        return new OrderTicket(request, account.alias(), symbol, side, destination, clientOrderId, null);
    }

    private OrderTicket change(JsonNode node, String clientOrderId, OrderAction action, KiwoomAccount account) {
        String original = text(node, "originalClientOrderId");
        String brokerOrderId = text(node, "brokerOrderId");
        if (original == null && brokerOrderId == null) {
            throw new Refusal(action + " needs originalClientOrderId or brokerOrderId");
        }
        Long quantity = optionalWhole(node, "quantity");
        if (action == OrderAction.MODIFY && quantity == null) {
            throw new Refusal("quantity is required for MODIFY (0 = all remaining)");
        }
        long qty = quantity == null ? 0 : quantity;
        if (qty < 0) {
            throw new Refusal("quantity must be 0 (all remaining) or more for " + action + ", got " + qty);
        }
        Long price = optionalWhole(node, "price");
        if (action == OrderAction.MODIFY) {
            if (price == null) {
                throw new Refusal("price is required for MODIFY");
            }
            onTickGrid("price", price);
        }
        OrderRequest request = new OrderRequest(clientOrderId, action, account.alias(), null, null, qty, null,
                action == OrderAction.MODIFY ? price : null, null, null, original, brokerOrderId);
        if (original != null) {
            JournalEntry target = journal.find(original)
                    .orElseThrow(() -> new Refusal("originalClientOrderId '" + original + "' is not an order the hub knows"));
            if (target.phase() != JournalEntry.JournalPhase.ACCEPTED || target.brokerOrderId() == null) {
                throw new Refusal("originalClientOrderId '" + original + "' has no order at Kiwoom (it is " + target.phase() + ")");
            }
            if (!target.account().equals(account.alias())) {
                throw new Refusal("originalClientOrderId '" + original + "' belongs to account '" + target.account() + "'");
            }
            JournalEntry root = rootOf(target);
            return new OrderTicket(withTarget(request, root), account.alias(), root.symbol(), root.side(),
                    destinationOf(root), root.clientOrderId(), liveOrderNumber(root));
        }
        if (!BROKER_ORDER_ID.matcher(brokerOrderId).matches()) {
            throw new Refusal("brokerOrderId '" + brokerOrderId + "' must be Kiwoom's order number (digits)");
        }
        String number = brokerOrderId.length() < 7 ? "0".repeat(7 - brokerOrderId.length()) + brokerOrderId : brokerOrderId;
        // Kiwoom modifies and cancels only orders of the current trading day: the number is today's
        LocalDate today = JournalEntry.tradingDate(clock.instant());
        Optional<JournalEntry> known = journal.byBrokerOrderId(account.alias(), today, number);
        if (known.isPresent()) {
            JournalEntry root = rootOf(known.get());
            return new OrderTicket(withTarget(request, root), account.alias(), root.symbol(), root.side(),
                    destinationOf(root), root.clientOrderId(), number);
        }
        Optional<ExecutionTracker.OrderView> external = executions.find(account.alias(), today, number);
        String symbol = external.map(ExecutionTracker.OrderView::symbol).orElseGet(() -> symbol(node, false));
        if (symbol == null) {
            throw new Refusal("brokerOrderId '" + brokerOrderId + "' is not an order the hub has seen; give its symbol");
        }
        Side side = external.map(ExecutionTracker.OrderView::side).orElse(null);
        OrderRequest withSymbol = new OrderRequest(clientOrderId, action, account.alias(), side, symbol, qty, null,
                request.price(), null, null, null, number);
        return new OrderTicket(withSymbol, account.alias(), symbol, side, OrderDestination.KRX, null, number);
    }

    private static OrderRequest withTarget(OrderRequest r, JournalEntry root) {
        return new OrderRequest(r.clientOrderId(), r.action(), r.account(), root.side(), root.symbol(), r.quantity(),
                null, r.price(), null, null, r.originalClientOrderId(), r.brokerOrderId());
    }

    private JournalEntry rootOf(JournalEntry entry) {
        if (entry.rootClientOrderId() == null || entry.rootClientOrderId().equals(entry.clientOrderId())) {
            return entry;
        }
        return journal.find(entry.rootClientOrderId()).orElse(entry);
    }

    /** After a MODIFY Kiwoom gives the order a new number: changes go to the newest accepted one. */
    private String liveOrderNumber(JournalEntry root) {
        return journal.entries().stream()
                .filter(e -> e.action() == OrderAction.MODIFY && root.clientOrderId().equals(e.rootClientOrderId())
                        && e.phase() == JournalEntry.JournalPhase.ACCEPTED && e.brokerOrderId() != null)
                .max(Comparator.comparing(JournalEntry::submittedAt))
                .map(JournalEntry::brokerOrderId)
                .orElse(root.brokerOrderId());
    }

    private static OrderDestination destinationOf(JournalEntry root) {
        return root.destination() == null ? OrderDestination.KRX : root.destination();
    }

    private KiwoomAccount account(JsonNode node) {
        String alias = text(node, "account");
        if (alias == null) {
            return accounts.primary();
        }
        return accounts.find(alias).orElseThrow(() -> new Refusal("account '" + alias + "' is not configured (known: "
                + accounts.all().stream().map(KiwoomAccount::alias).collect(Collectors.joining(", ")) + ")"));
    }

    private static String symbol(JsonNode node, boolean required) {
        String symbol = text(node, "symbol");
        if (symbol == null) {
            if (required) {
                throw new Refusal("symbol is required for a NEW order");
            }
            return null;
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new Refusal("symbol '" + symbol + "' must be the 6-character stock code (e.g. 005930), "
                    + "without an A prefix or a _NX/_AL suffix");
        }
        return symbol;
    }

    /**
     * KRX tick sizes (호가가격단위) of stocks since 2023-01-25. ETF/ETN quote in 5 KRW steps at every
     * price; the hub does not tell them apart, so their prices off this grid are refused.
     */
    static long tickSize(long price) {
        if (price < 2_000) {
            return 1;
        }
        if (price < 5_000) {
            return 5;
        }
        if (price < 20_000) {
            return 10;
        }
        if (price < 50_000) {
            return 50;
        }
        if (price < 200_000) {
            return 100;
        }
        return price < 500_000 ? 500 : 1_000;
    }

    private static void onTickGrid(String field, long price) {
        if (price <= 0) {
            throw new Refusal(field + " must be a positive price in KRW, got " + price);
        }
        long tick = tickSize(price);
        if (price % tick != 0) {
            long below = price - price % tick;
            throw new Refusal(field + " " + price + " is not on the KRX tick grid (" + tick + " KRW steps at this price; e.g. "
                    + below + " or " + (below + tick) + ")");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Refusal(field + " must be a string, got " + v);
        }
        return v.asText().isEmpty() ? null : v.asText();
    }

    private static String usableText(JsonNode node, String field, Pattern pattern) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && pattern.matcher(v.asText()).matches() ? v.asText() : null;
    }

    private static long requiredWhole(JsonNode node, String field) {
        Long v = optionalWhole(node, field);
        if (v == null) {
            throw new Refusal(field + " is required");
        }
        return v;
    }

    private static Long optionalWhole(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Refusal(field + " must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode node, String field, Class<E> type) {
        String v = text(node, field);
        if (v == null) {
            throw new Refusal(field + " is required (one of " + names(type) + ")");
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new Refusal(field + " '" + v + "' is not one of " + names(type));
        }
    }

    private static <E extends Enum<E>> E enumOrNull(JsonNode node, String field, Class<E> type) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
