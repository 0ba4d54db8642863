package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kiwoomhub.canonical.SubscriptionAction;
import com.kiwoomhub.kiwoom.Watchlist;
import com.kiwoomhub.realtime.SubscriptionStore.Change;
import com.kiwoomhub.realtime.SubscriptionStore.Entry;
import com.kiwoomhub.security.Untrusted;

/**
 * The Java behind the subscription routes of {@code routes/realtime.camel.yaml}: which symbols and
 * indices are subscribed for which channels, and on which account's session. Each item (a code,
 * {@code _NX} and {@code _AL} variants counted apart, as Kiwoom does; an index code) lives on one
 * session. The carrying sessions are every account's with {@code kiwoom.realtime.shared-subscriptions}
 * (200 items each), else the primary account's only; a new item goes to the carrier with the most free
 * slots ({@link Placement}). A request that does not fit is refused as a whole, before anything is
 * written or registered; the configured start-up subscriptions take what fits ({@link WatchlistCoverage}).
 *
 * <p>One placement for all instances: the configured items are placed from the configuration alone
 * (the same on every instance), and a run-time request is placed by the one instance that reads the
 * requests, written to the {@link SubscriptionStore} as account × symbol × channel, and registered by
 * every instance from there. Each instance registers everything on its own session objects; only the
 * sessions of accounts it owns are logged in, and a session restores what it holds at every LOGIN, so
 * a new owner of an account carries exactly that account's share.
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
    private final boolean shared;
    /** item → the alias of the session carrying it. */
    private final Map<String, String> owners = new HashMap<>();
    /** item → its subscribed Kiwoom types. */
    private final Map<String, Set<String>> typesByItem = new HashMap<>();
    private volatile WatchlistCoverage coverage = WatchlistCoverage.NONE;
    private final SubscriptionStore store;
    private volatile String restoreError;
    private boolean configured;
    private volatile boolean following;
    /** Serialises run-time requests; never held by the follower. */
    private final Object applying = new Object();

    public Subscriptions(KiwoomSessions sessions, SubscriptionProperties settings, RealtimeProperties realtime,
                         SubscriptionStore store) {
        this.sessions = sessions;
        this.store = store;
        this.watchlist = Watchlist.codes(settings.watchlist());
        this.indices = Watchlist.codes(settings.indices());
        this.settings = settings;
        this.maxItems = realtime.maxItems();
        this.shared = realtime.sharedSubscriptions();
    }

    /**
     * Subscribes the indices (0J) and the configured channels for the real-time watchlist, as far as
     * the carriers' item slots reach (indices first, then the watchlist in order; the rest is left
     * out with one warning and shown in health), plus the market-wide 0s and 1h and the account-wide
     * 04 registrations. Repeating it changes nothing (and warns no more).
     *
     * @return a line for the log
     */
    public synchronized String subscribeConfigured() {
        if (sessions.all().isEmpty()) {
            return "no real-time session (no account, or kiwoom.realtime.enabled=false): nothing subscribed";
        }
        if (configured) {
            // the first run-time request ran it already
            return "configured subscriptions already in place; " + summary();
        }
        configured = true;
        KiwoomSession primary = sessions.all().get(0);
        if (settings.marketStatus()) {
            primary.register(List.of("0s"), List.of(WHOLE_MARKET));
        }
        if (settings.marketEvents()) {
            primary.register(List.of(Channel.MARKET_EVENTS.kiwoomType()), List.of(WHOLE_MARKET));
        }
        if (settings.positions()) {
            sessions.all().forEach(s -> s.register(List.of("04"), List.of(WHOLE_MARKET)));
        }
        List<String> symbols = settings.channels().isEmpty() ? List.of() : watchlist;
        Set<String> stockTypes = CheckedRequest.types(settings.channels(), symbols);
        CheckedRequest.types(List.of(Channel.INDICES.channelName()), indices);
        int free = freeSlots().values().stream().mapToInt(Integer::intValue).sum();
        WatchlistCoverage plan = WatchlistCoverage.plan(indices, symbols, owners::containsKey, free,
                maxItems * carriers().size());
        subscribe(plan.indices(), Set.of(Channel.INDICES.kiwoomType()));
        subscribe(plan.symbols(), stockTypes);
        coverage = plan;
        if (!plan.complete()) {
            LOG.warn(plan.shortfall(carriers().size(), maxItems));
        }
        return "subscribed " + plan.indices().size() + " index(es) " + plan.indices() + " and " + plan.symbols().size()
                + " of " + symbols.size() + " real-time watchlist symbol(s) for " + settings.channels() + "; " + summary();
    }

    /** What the start-up subscriptions covered, for health. */
    public WatchlistCoverage coverage() {
        return coverage;
    }

    /** Whether subscriptions spread over every account's session, or stay on the primary account's. */
    public boolean shared() {
        return shared;
    }

    /**
     * Carries out one SubscriptionRequest (the JSON of {@code kiwoom.subscription-requests}): places
     * new items, writes the placement to the store, then registers it (the other instances register
     * it when they read it back).
     *
     * @return a line for the log
     * @throws SubscriptionRejectedException when the request is invalid or does not fit
     */
    public String apply(String json) {
        CheckedRequest request = CheckedRequest.read(json);
        if (sessions.all().isEmpty()) {
            throw new SubscriptionRejectedException(SubscriptionRejectedException.LIMIT,
                    "no real-time session: no Kiwoom account is configured or kiwoom.realtime.enabled is false");
        }
        synchronized (applying) {
            startUp();
            // what other instances placed before counts against the slots
            store.awaitFollowed();
            // one lock from placing to registering: the follower, handed the same records back in bursts, finds
            // them registered already instead of registering a part first (more REGs than the request needs)
            synchronized (this) {
                List<Change> changes = request.action() == SubscriptionAction.SUBSCRIBE ? placed(request) : released(request);
                store.write(changes);
                changed(changes);
            }
            return request.action() + " " + request.items().size() + " symbol(s) " + request.channels() + "; " + summary();
        }
    }

    /**
     * Subscribes the stored run-time subscriptions, each item on its account's session (at start, after
     * the configured ones), then follows the store for what is placed later, here or by another instance.
     * Items of accounts this hub does not carry are left to the instance that does.
     *
     * @return a line for the log
     */
    public String restoreRunTime() {
        if (sessions.all().isEmpty()) {
            return "no real-time session: no run-time subscription restored";
        }
        synchronized (this) {
            if (following) {
                return "run-time subscriptions already restored and followed on " + store.name();
            }
            List<Entry> stored;
            try {
                stored = store.load();
                restoreError = null;
            } catch (RuntimeException e) {
                restoreError = e.getMessage();
                LOG.error("Run-time subscriptions not restored: {}", e.getMessage());
                return "run-time subscriptions NOT restored (" + e.getMessage() + ")";
            }
            int[] counts = changed(stored.stream().map(e -> new Change(e, true)).toList());
            store.follow(this::changed);
            following = true;
            return "restored " + counts[0] + " run-time subscription(s) (symbol × channel) from " + store.name()
                    + (counts[1] > 0 ? ", left " + counts[1] + " of accounts not configured here" : "") + "; " + summary();
        }
    }

    /** Why the stored subscriptions could not be read at start; null when they were. */
    public String restoreError() {
        return restoreError;
    }

    /** The stored run-time subscriptions of an account. */
    public List<Entry> runTime(String account) {
        return store.of(account);
    }

    /** Items per account alias, for logs and tests. */
    public synchronized Map<String, Integer> itemsByAccount() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sessions.all().forEach(s -> counts.put(s.account().alias(), 0));
        owners.values().forEach(alias -> counts.merge(alias, 1, Integer::sum));
        return counts;
    }

    /** The items an account's session carries, in code order. */
    public synchronized List<String> itemsOf(String alias) {
        Set<String> items = new TreeSet<>();
        owners.forEach((item, owner) -> {
            if (owner.equals(alias)) {
                items.add(item);
            }
        });
        return List.copyOf(items);
    }

    /** False for the session of an account another instance owns (it registers that share at Kiwoom). */
    public boolean heldHere(String alias) {
        return sessions.owned(alias);
    }

    /** The configured subscriptions, then the stored ones, before the first run-time request. */
    private void startUp() {
        boolean first;
        synchronized (this) {
            first = !configured;
        }
        if (first) {
            LOG.info("realtime: {}", subscribeConfigured());
        }
        if (!following) {
            LOG.info("realtime: {}", restoreRunTime());
        }
    }

    /** The sessions new items may go to: every account's when shared, else the primary account's. */
    private List<KiwoomSession> carriers() {
        List<KiwoomSession> all = sessions.all();
        return shared ? all : all.subList(0, Math.min(1, all.size()));
    }

    private Map<String, Integer> freeSlots() {
        Map<String, Integer> free = new LinkedHashMap<>();
        carriers().forEach(s -> free.put(s.account().alias(), Math.max(0, maxItems - s.registeredItems())));
        return free;
    }

    /** The held changes of a SUBSCRIBE: subscribed items stay where they are, new ones are placed. */
    private List<Change> placed(CheckedRequest request) {
        List<String> fresh = request.items().stream().filter(item -> !owners.containsKey(item)).toList();
        Map<String, Integer> free = freeSlots();
        Map<String, String> placement = Placement.place(fresh, free);
        if (placement == null) {
            int room = free.values().stream().mapToInt(Integer::intValue).sum();
            throw new SubscriptionRejectedException(SubscriptionRejectedException.LIMIT, "subscribing " + fresh.size()
                    + " new symbol(s) needs " + fresh.size() + " item slots, but only " + room + " are free: Kiwoom "
                    + "carries " + maxItems + " items per connection and " + carrying() + " (" + owners.size()
                    + " items subscribed). Unsubscribe some, or configure another account (app key) under "
                    + "kiwoom.accounts" + (shared ? "." : " and set kiwoom.realtime.shared-subscriptions=true."));
        }
        List<Change> changes = new ArrayList<>();
        for (String item : request.items()) {
            String account = owners.containsKey(item) ? owners.get(item) : placement.get(item);
            request.channels().forEach(channel -> changes.add(new Change(new Entry(account, item, channel), true)));
        }
        return changes;
    }

    private String carrying() {
        return shared ? sessions.all().size() + " account(s) carry subscriptions"
                : "only the primary account '" + sessions.all().get(0).account().alias()
                + "' carries them (kiwoom.realtime.shared-subscriptions is false)";
    }

    /** The released changes of an UNSUBSCRIBE: the pairs that are subscribed, configured ones included. */
    private List<Change> released(CheckedRequest request) {
        List<Change> changes = new ArrayList<>();
        for (String item : request.items()) {
            Set<String> types = typesByItem.getOrDefault(item, Set.of());
            for (String channel : request.channels()) {
                if (types.contains(Channel.named(channel).orElseThrow().kiwoomType())) {
                    changes.add(new Change(new Entry(owners.get(item), item, channel), false));
                }
            }
        }
        if (changes.isEmpty()) {
            LOG.info("UNSUBSCRIBE of {}: none of them is subscribed", Untrusted.forLog(request.items()));
        }
        return changes;
    }

    /**
     * Registers and unregisters what the store says (a request applied here, or a burst read back): the
     * latest change of each key counts; releases go first, so that the slots they free are there for the
     * holds. An item held already stays on its session.
     *
     * @return the pairs held on a configured account's session, and those of accounts not configured here
     */
    synchronized int[] changed(List<Change> changes) {
        Map<String, Change> latest = new LinkedHashMap<>();
        changes.forEach(c -> latest.put(c.entry().key(), c));
        Map<List<String>, Map<String, Set<String>>> releases = new LinkedHashMap<>();
        Map<List<String>, Map<String, Set<String>>> holds = new LinkedHashMap<>();
        int[] counts = new int[2];
        for (Change c : latest.values()) {
            Entry e = c.entry();
            String type = Channel.named(e.channel()).map(Channel::kiwoomType).orElse(null);
            String owner = owners.get(e.symbol());
            if (type == null) {
                LOG.warn("Stored subscription {} names an unknown channel; skipped", e.key());
            } else if (!c.held()) {
                if (owner != null) {
                    releases.computeIfAbsent(List.of(owner), a -> new LinkedHashMap<>())
                            .computeIfAbsent(e.symbol(), s -> new TreeSet<>()).add(type);
                }
            } else if (owner != null || sessions.find(e.account()).isPresent()) {
                holds.computeIfAbsent(List.of(owner != null ? owner : e.account()), a -> new LinkedHashMap<>())
                        .computeIfAbsent(e.symbol(), s -> new TreeSet<>()).add(type);
                counts[0]++;
            } else {
                counts[1]++;
            }
        }
        releases.forEach((alias, items) -> byTypes(items).forEach((types, list) -> unsubscribe(alias.get(0), list, types)));
        holds.forEach((alias, items) -> byTypes(items).forEach((types, list) -> hold(alias.get(0), list, types)));
        return counts;
    }

    private void hold(String alias, List<String> items, Set<String> types) {
        KiwoomSession session = sessions.find(alias).orElseThrow();
        try {
            session.register(types, items);
        } catch (RegistrationLimitException e) {
            LOG.error("{} stored item(s) for {} not registered on account '{}' ({}): {}", items.size(), types, alias,
                    Untrusted.forLog(items), e.getMessage());
            return;
        }
        items.forEach(item -> {
            owners.put(item, alias);
            typesByItem.computeIfAbsent(item, i -> new LinkedHashSet<>()).addAll(types);
        });
    }

    /** Items grouped by the same set of types, so that each group goes out in as few REG messages as possible. */
    private static Map<Set<String>, List<String>> byTypes(Map<String, Set<String>> typesByItem) {
        Map<Set<String>, List<String>> grouped = new LinkedHashMap<>();
        typesByItem.forEach((item, types) -> grouped.computeIfAbsent(types, t -> new ArrayList<>()).add(item));
        return grouped;
    }

    /** Subscribes configured items on their current session, new ones placed on the carriers (they fit: see the plan). */
    private void subscribe(List<String> items, Set<String> types) {
        List<String> fresh = items.stream().filter(item -> !owners.containsKey(item)).toList();
        Map<String, String> placement = Placement.place(fresh, freeSlots());
        Map<String, List<String>> bySession = new LinkedHashMap<>();
        items.forEach(item -> bySession.computeIfAbsent(owners.containsKey(item) ? owners.get(item) : placement.get(item),
                a -> new ArrayList<>()).add(item));
        bySession.forEach((alias, list) -> hold(alias, list, types));
    }

    private void unsubscribe(String alias, List<String> items, Set<String> types) {
        sessions.find(alias).orElseThrow().unregister(types, items);
        for (String item : items) {
            Set<String> left = typesByItem.get(item);
            left.removeAll(types);
            if (left.isEmpty()) {
                typesByItem.remove(item);
                owners.remove(item);
            }
        }
    }

    private String summary() {
        return "items per account " + itemsByAccount();
    }
}
