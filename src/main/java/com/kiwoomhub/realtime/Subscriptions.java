package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.SubscriptionAction;
import com.kiwoomhub.kiwoom.Watchlist;
import com.kiwoomhub.security.Untrusted;

/**
 * The Java behind the subscription routes of {@code routes/realtime.camel.yaml}: which symbols and
 * indices are subscribed for which channels, and on which account's session. Each item (a code,
 * {@code _NX} and {@code _AL} variants counted apart, as Kiwoom does; an index code) lives on one
 * session; a new item goes to the session with the most free slots, so several configured accounts
 * (app keys) carry up to 200 items each. A request that does not fit is refused as a whole, before
 * anything is registered; the configured start-up subscriptions take what fits
 * ({@link WatchlistCoverage}). The sessions pace and batch the REG messages and restore them after
 * every login. Run-time requests are remembered on the {@link SubscriptionStore} and subscribed again
 * at start.
 */
@Component("subscriptions")
public class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    private static final String WHOLE_MARKET = "";

    private final KiwoomSessions sessions;
    private final List<String> watchlist;
    private final List<String> indices;
    private final SubscriptionProperties settings;
    private final int maxItems;
    /** item → the alias of the session carrying it. */
    private final Map<String, String> owners = new HashMap<>();
    /** item → its subscribed Kiwoom types. */
    private final Map<String, Set<String>> typesByItem = new HashMap<>();
    private volatile WatchlistCoverage coverage = WatchlistCoverage.NONE;
    private final SubscriptionStore store;
    private volatile String restoreError;

    public Subscriptions(KiwoomSessions sessions, SubscriptionProperties settings, RealtimeProperties realtime,
                         SubscriptionStore store) {
        this.sessions = sessions;
        this.store = store;
        this.watchlist = Watchlist.codes(settings.watchlist());
        this.indices = Watchlist.codes(settings.indices());
        this.settings = settings;
        this.maxItems = realtime.maxItems();
    }

    /**
     * Subscribes the indices (0J) and the configured channels for the real-time watchlist, as far as
     * the sessions' item slots reach (indices first, then the watchlist in order; the rest is left
     * out with one warning and shown in health), plus the market-wide 0s and 1h and the account-wide
     * 04 registrations. Repeating it changes nothing.
     *
     * @return a line for the log
     */
    public synchronized String subscribeConfigured() {
        if (sessions.all().isEmpty()) {
            return "no real-time session (no account, or kiwoom.realtime.enabled=false): nothing subscribed";
        }
        if (settings.marketStatus()) {
            sessions.all().get(0).register(List.of("0s"), List.of(WHOLE_MARKET));
        }
        if (settings.marketEvents()) {
            sessions.all().get(0).register(List.of(Channel.MARKET_EVENTS.kiwoomType()), List.of(WHOLE_MARKET));
        }
        if (settings.positions()) {
            sessions.all().forEach(s -> s.register(List.of("04"), List.of(WHOLE_MARKET)));
        }
        List<String> symbols = settings.channels().isEmpty() ? List.of() : watchlist;
        Set<String> stockTypes = types(settings.channels(), symbols);
        types(List.of(Channel.INDICES.channelName()), indices);
        int free = sessions.all().stream().mapToInt(s -> Math.max(0, maxItems - s.registeredItems())).sum();
        WatchlistCoverage plan = WatchlistCoverage.plan(indices, symbols, owners::containsKey, free,
                maxItems * sessions.all().size());
        if (!plan.indices().isEmpty()) {
            subscribe(plan.indices(), Set.of(Channel.INDICES.kiwoomType()), null);
        }
        if (!plan.symbols().isEmpty()) {
            subscribe(plan.symbols(), stockTypes, null);
        }
        coverage = plan;
        if (!plan.complete()) {
            LOG.warn(plan.shortfall(sessions.all().size(), maxItems));
        }
        return "subscribed " + plan.indices().size() + " index(es) " + plan.indices() + " and " + plan.symbols().size()
                + " of " + symbols.size() + " real-time watchlist symbol(s) for " + settings.channels() + "; " + summary();
    }

    /** What the start-up subscriptions covered, for health. */
    public WatchlistCoverage coverage() {
        return coverage;
    }

    /**
     * Carries out one SubscriptionRequest (the JSON of {@code kiwoom.subscription-requests}).
     *
     * @return a line for the log
     * @throws SubscriptionRejectedException when the request is invalid or does not fit
     */
    public synchronized String apply(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("an empty record or a tombstone is not a SubscriptionRequest");
        }
        JsonNode request;
        try {
            request = CanonicalJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw invalid("a SubscriptionRequest is a JSON object with action, symbols and channels");
        }
        SubscriptionAction action = action(request.path("action"));
        List<String> symbols = strings(request, "symbols");
        Set<String> types = types(strings(request, "channels"), symbols);
        if (sessions.all().isEmpty()) {
            throw new SubscriptionRejectedException(SubscriptionRejectedException.LIMIT,
                    "no real-time session: no Kiwoom account is configured or kiwoom.realtime.enabled is false");
        }
        List<String> items = symbols.stream().distinct().toList();
        List<String> channels = strings(request, "channels").stream().distinct().toList();
        if (action == SubscriptionAction.SUBSCRIBE) {
            subscribe(items, types, null);
            ownersOf(items).forEach((alias, owned) -> store.subscribed(alias, owned, channels));
        } else {
            Map<String, List<String>> owned = ownersOf(items);
            unsubscribe(items, types);
            owned.forEach((alias, ownedItems) -> store.unsubscribed(alias, ownedItems, channels));
        }
        return action + " " + items.size() + " symbol(s) " + types + "; " + summary();
    }

    /**
     * Subscribes the run-time subscriptions stored for this hub's accounts, each item on its account's
     * session (at start, after the configured ones). Items of accounts this hub does not carry are left
     * to the instance that does.
     *
     * @return a line for the log
     */
    public synchronized String restoreRunTime() {
        if (sessions.all().isEmpty()) {
            return "no real-time session: no run-time subscription restored";
        }
        List<SubscriptionStore.Entry> stored;
        try {
            stored = store.load();
            restoreError = null;
        } catch (RuntimeException e) {
            restoreError = e.getMessage();
            LOG.error("Run-time subscriptions not restored: {}", e.getMessage());
            return "run-time subscriptions NOT restored (" + e.getMessage() + ")";
        }
        Map<String, Map<String, List<String>>> byAccountAndChannel = new TreeMap<>();
        stored.forEach(e -> byAccountAndChannel.computeIfAbsent(e.account(), a -> new TreeMap<>())
                .computeIfAbsent(e.channel(), c -> new ArrayList<>()).add(e.symbol()));
        int restored = 0;
        int elsewhere = 0;
        for (var account : byAccountAndChannel.entrySet()) {
            KiwoomSession session = sessions.find(account.getKey()).orElse(null);
            for (var channel : account.getValue().entrySet()) {
                if (session == null) {
                    elsewhere += channel.getValue().size();
                    continue;
                }
                try {
                    subscribe(channel.getValue(), types(List.of(channel.getKey()), channel.getValue()), session);
                    restored += channel.getValue().size();
                } catch (SubscriptionRejectedException e) {
                    LOG.warn("Stored {} subscriptions of account '{}' not restored: {}", channel.getKey(),
                            account.getKey(), e.getMessage());
                }
            }
        }
        return "restored " + restored + " run-time subscription(s) (symbol × channel) from " + store.name()
                + (elsewhere > 0 ? ", left " + elsewhere + " of accounts not configured here" : "") + "; " + summary();
    }

    /** Why the stored subscriptions could not be read at start; null when they were. */
    public String restoreError() {
        return restoreError;
    }

    /** The stored run-time subscriptions of an account. */
    public List<SubscriptionStore.Entry> runTime(String account) {
        return store.of(account);
    }

    private Map<String, List<String>> ownersOf(List<String> items) {
        Map<String, List<String>> byOwner = new TreeMap<>();
        items.stream().filter(owners::containsKey)
                .forEach(item -> byOwner.computeIfAbsent(owners.get(item), a -> new ArrayList<>()).add(item));
        return byOwner;
    }

    /** Items per account alias, for logs and tests. */
    public synchronized Map<String, Integer> itemsByAccount() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sessions.all().forEach(s -> counts.put(s.account().alias(), 0));
        owners.values().forEach(alias -> counts.merge(alias, 1, Integer::sum));
        return counts;
    }

    /** Subscribes items on their current session, new ones on {@code target} or else on the session with most room. */
    private void subscribe(List<String> items, Set<String> types, KiwoomSession target) {
        List<String> fresh = items.stream().filter(item -> !owners.containsKey(item)).toList();
        Map<KiwoomSession, Integer> free = new LinkedHashMap<>();
        (target == null ? sessions.all() : List.of(target))
                .forEach(s -> free.put(s, Math.max(0, maxItems - s.registeredItems())));
        int room = free.values().stream().mapToInt(Integer::intValue).sum();
        if (fresh.size() > room) {
            throw new SubscriptionRejectedException(SubscriptionRejectedException.LIMIT, "subscribing "
                    + fresh.size() + " new symbol(s) needs " + fresh.size() + " item slots, but only " + room
                    + " are free: Kiwoom carries " + maxItems + " items per connection and " + sessions.all().size()
                    + " account(s) are configured (" + owners.size() + " items subscribed). "
                    + "Unsubscribe some, or configure another account (app key) under kiwoom.accounts.");
        }
        Map<KiwoomSession, List<String>> plan = new LinkedHashMap<>();
        for (String item : items) {
            String owner = owners.get(item);
            KiwoomSession session = owner != null ? sessions.find(owner).orElseThrow()
                    : free.entrySet().stream().max(Comparator.comparingInt(Map.Entry<KiwoomSession, Integer>::getValue))
                    .orElseThrow().getKey();
            if (owner == null) {
                free.merge(session, -1, Integer::sum);
            }
            plan.computeIfAbsent(session, s -> new ArrayList<>()).add(item);
        }
        plan.forEach((session, sessionItems) -> {
            try {
                session.register(types, sessionItems);
            } catch (RegistrationLimitException e) {
                throw new SubscriptionRejectedException(SubscriptionRejectedException.LIMIT, e.getMessage());
            }
            sessionItems.forEach(item -> {
                owners.put(item, session.account().alias());
                typesByItem.computeIfAbsent(item, i -> new LinkedHashSet<>()).addAll(types);
            });
        });
    }

    private void unsubscribe(List<String> items, Set<String> types) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        items.stream().filter(owners::containsKey).forEach(item -> byOwner.computeIfAbsent(owners.get(item),
                a -> new ArrayList<>()).add(item));
        byOwner.forEach((alias, ownedItems) -> {
            sessions.find(alias).orElseThrow().unregister(types, ownedItems);
            for (String item : ownedItems) {
                Set<String> left = typesByItem.get(item);
                left.removeAll(types);
                if (left.isEmpty()) {
                    typesByItem.remove(item);
                    owners.remove(item);
                }
            }
        });
        if (byOwner.isEmpty()) {
            LOG.info("UNSUBSCRIBE of {}: none of them is subscribed", Untrusted.forLog(items));
        }
    }

    private String summary() {
        return "items per account " + itemsByAccount();
    }

    /** The Kiwoom types of the channels, each checked to take the items given (index codes or stock codes). */
    private static Set<String> types(Collection<String> channels, Collection<String> items) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : channels) {
            Channel channel = Channel.named(name).orElseThrow(() -> invalid("unknown channel '" + name
                    + "'; the hub supports " + Channel.names()));
            for (String item : items) {
                if (!channel.accepts(item)) {
                    throw invalid("'" + item + "' is not an item of channel " + name + ": " + (channel.isIndex()
                            ? "indices takes 3-digit index codes (001 KOSPI, 101 KOSDAQ)"
                            : "it takes 6-character stock codes with an optional _NX or _AL"));
                }
            }
            types.add(channel.kiwoomType());
        }
        return types;
    }

    private static SubscriptionAction action(JsonNode node) {
        try {
            return SubscriptionAction.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid("action must be SUBSCRIBE or UNSUBSCRIBE, got " + (node.isMissingNode() ? "none" : node));
        }
    }

    private static List<String> strings(JsonNode request, String field) {
        JsonNode node = request.path(field);
        if (!node.isArray() || node.isEmpty()) {
            throw invalid(field + " must be a non-empty array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw invalid(field + " must hold non-blank strings, got " + value);
            }
            values.add(value.asText().trim());
        }
        return values;
    }

    private static SubscriptionRejectedException invalid(String message) {
        return new SubscriptionRejectedException(SubscriptionRejectedException.INVALID, message);
    }
}
