package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.kiwoomhub.canonical.CanonicalJson;

/**
 * The registrations a session wants, per group ({@code grp_no}): what it sends after every LOGIN
 * and what {@code register}/{@code unregister} change. Turns them into REG/REMOVE messages of at
 * most {@code itemsPerMessage} items, one {@code data} entry per message (every item in an entry
 * is registered for every type in it). Kiwoom counts items, not types, against its per-connection
 * cap; the blank item of account- and market-wide types (00, 04, 0s, 1h) takes no slot.
 */
final class Registrations {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final int maxItems;
    private final int itemsPerMessage;
    /** group → item → types, in insertion order so messages are stable. */
    private final Map<String, Map<String, Set<String>>> byGroup = new TreeMap<>();

    Registrations(int maxItems, int itemsPerMessage) {
        this.maxItems = maxItems;
        this.itemsPerMessage = itemsPerMessage;
    }

    /** Adds the pairs and returns REG messages for those not registered yet; nothing changes if the cap would be passed. */
    synchronized List<String> add(String group, Collection<String> types, Collection<String> items) {
        check(group, types, items);
        Set<String> after = countedItems();
        items.stream().filter(item -> !item.isEmpty()).forEach(after::add);
        if (after.size() > maxItems) {
            throw new RegistrationLimitException("Kiwoom allows " + maxItems + " items per connection; this registration "
                    + "would make " + after.size() + " (blank account-wide items do not count). Unregister some first.");
        }
        Map<String, Set<String>> group0 = byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
        Map<String, Set<String>> added = new LinkedHashMap<>();
        for (String item : items) {
            Set<String> have = group0.computeIfAbsent(item, i -> new LinkedHashSet<>());
            for (String type : types) {
                if (have.add(type)) {
                    added.computeIfAbsent(item, i -> new LinkedHashSet<>()).add(type);
                }
            }
        }
        return messages("REG", group, added);
    }

    /** Removes the pairs and returns REMOVE messages for those that were registered. */
    synchronized List<String> remove(String group, Collection<String> types, Collection<String> items) {
        check(group, types, items);
        Map<String, Set<String>> group0 = byGroup.getOrDefault(group, Map.of());
        Map<String, Set<String>> removed = new LinkedHashMap<>();
        for (String item : items) {
            Set<String> have = group0.get(item);
            if (have == null) {
                continue;
            }
            for (String type : types) {
                if (have.remove(type)) {
                    removed.computeIfAbsent(item, i -> new LinkedHashSet<>()).add(type);
                }
            }
            if (have.isEmpty()) {
                group0.remove(item);
            }
        }
        if (group0.isEmpty()) {
            byGroup.remove(group);
        }
        return messages("REMOVE", group, removed);
    }

    /** REG messages that re-create every wanted registration on a fresh connection. */
    synchronized List<String> restore() {
        List<String> all = new ArrayList<>();
        byGroup.forEach((group, items) -> all.addAll(messages("REG", group, items)));
        return all;
    }

    /** Distinct items that count against the per-connection cap. */
    synchronized int itemCount() {
        return countedItems().size();
    }

    private Set<String> countedItems() {
        Set<String> items = new TreeSet<>();
        byGroup.values().forEach(g -> g.keySet().stream().filter(item -> !item.isEmpty()).forEach(items::add));
        return items;
    }

    /** Items sharing the same type set go into one entry, split into chunks of itemsPerMessage. */
    private List<String> messages(String trnm, String group, Map<String, Set<String>> pairs) {
        Map<TreeSet<String>, List<String>> itemsByTypes = new LinkedHashMap<>();
        pairs.forEach((item, types) -> itemsByTypes.computeIfAbsent(new TreeSet<>(types), t -> new ArrayList<>()).add(item));
        List<String> out = new ArrayList<>();
        itemsByTypes.forEach((types, items) -> {
            for (int from = 0; from < items.size(); from += itemsPerMessage) {
                out.add(message(trnm, group, items.subList(from, Math.min(items.size(), from + itemsPerMessage)), types));
            }
        });
        return out;
    }

    private static String message(String trnm, String group, List<String> items, Collection<String> types) {
        ObjectNode m = JSON.createObjectNode().put("trnm", trnm).put("grp_no", group);
        if (trnm.equals("REG")) {
            m.put("refresh", "1"); // keep what is registered already
        }
        ObjectNode entry = m.putArray("data").addObject();
        items.forEach(entry.putArray("item")::add);
        types.forEach(entry.putArray("type")::add);
        return m.toString();
    }

    private static void check(String group, Collection<String> types, Collection<String> items) {
        if (group == null || group.isBlank() || group.length() > 4) {
            throw new IllegalArgumentException("grp_no must be 1-4 characters, got '" + group + "'");
        }
        if (types == null || types.isEmpty() || types.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("at least one real-time type (0B, 0D, 00 ...) is needed, got " + types);
        }
        if (items == null || items.isEmpty() || items.stream().anyMatch(i -> i == null)) {
            throw new IllegalArgumentException("at least one item is needed (\"\" for account-wide types), got " + items);
        }
    }
}
