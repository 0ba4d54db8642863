package com.kiwoomhub.sandbox.ws;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REG/REMOVE state of one connection. Changed only on the session's event loop; every change
 * publishes immutable snapshots so that market threads can match rows without locking.
 */
final class RegisteredItems {

    static final int CONNECTION_ITEMS_EXCEEDED = 105115;
    static final int GROUP_ITEMS_EXCEEDED = 105118;

    private final Map<String, Set<Subscription>> groups = new LinkedHashMap<>();
    private volatile Set<Subscription> all = Set.of();
    private volatile Set<String> types = Set.of();
    private volatile Map<String, Set<String>> view = Map.of();

    /**
     * Applies a REG atomically: either every pair is registered or nothing changes.
     *
     * @return 0, or the return_code of the item limit that would be broken
     */
    int register(String group, boolean refresh, List<Subscription> additions, WebSocketSettings settings) {
        Map<String, Set<Subscription>> next = new LinkedHashMap<>();
        groups.forEach((g, subs) -> next.put(g, new LinkedHashSet<>(subs)));
        if (!refresh) {
            if (settings.refreshZeroClearsAllGroups()) {
                next.clear();
            } else {
                next.remove(group);
            }
        }
        next.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(additions);
        if (itemsOf(next.get(group)).size() > settings.maxItemsPerGroup()) {
            return GROUP_ITEMS_EXCEEDED;
        }
        if (itemsOf(next.values().stream().flatMap(Set::stream).toList()).size() > settings.maxItemsPerConnection()) {
            return CONNECTION_ITEMS_EXCEEDED;
        }
        groups.clear();
        groups.putAll(next);
        publish();
        return 0;
    }

    void remove(String group, List<Subscription> removals) {
        Set<Subscription> subs = groups.get(group);
        if (subs != null) {
            removals.forEach(subs::remove);
            if (subs.isEmpty()) {
                groups.remove(group);
            }
            publish();
        }
    }

    /** A market row reaches the session if its exact item, or the whole market ({@code ""}), is registered. */
    boolean wantsMarket(String type, String item) {
        Set<Subscription> current = all;
        return current.contains(new Subscription(type, item)) || current.contains(new Subscription(type, ""));
    }

    /** Account rows ignore the registered item: the type alone subscribes the token's account. */
    boolean wantsAccount(String type) {
        return types.contains(type);
    }

    Map<String, Set<String>> view() {
        return view;
    }

    /** Item slots: distinct codes, whatever the number of types; {@code ""} takes no slot. */
    private static Set<String> itemsOf(Collection<Subscription> subs) {
        return subs.stream().map(Subscription::item).filter(item -> !item.isEmpty()).collect(Collectors.toSet());
    }

    private void publish() {
        all = groups.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
        types = all.stream().map(Subscription::type).collect(Collectors.toUnmodifiableSet());
        Map<String, Set<String>> snapshot = new LinkedHashMap<>();
        groups.forEach((g, subs) -> snapshot.put(g, subs.stream()
                .map(s -> s.type() + ":" + s.item())
                .collect(Collectors.toUnmodifiableSet())));
        view = Map.copyOf(snapshot);
    }
}
