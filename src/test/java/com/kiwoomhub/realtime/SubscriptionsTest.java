package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;
import com.kiwoomhub.support.InMemoryStateTopic;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Subscriptions spread items over the accounts' sessions and refuse what does not fit, as a whole. */
class SubscriptionsTest {

    private final RealtimeProperties settings = KiwoomSessionTest.settings(Duration.ofSeconds(60), Duration.ofSeconds(5), 4);
    private final KiwoomSession main = session("main");
    private final KiwoomSession second = session("second");
    private final InMemoryStateTopic stored = new InMemoryStateTopic("kiwoom.subscriptions");
    private final Subscriptions subscriptions = subscriptions(List.of("005930", "000660"));
    /** No watchlist and no indices: every slot is free for the requests. */
    private final Subscriptions bare = new Subscriptions(new KiwoomSessions(List.of(main, second)),
            new SubscriptionProperties(List.of("trades"), List.of(), List.of(), true, true, true, "group"), settings,
            new SubscriptionStore(stored));

    @Test
    void spreadsItemsOverTheAccountsSessionsUpToTwoHundredEach() {
        subscriptions.subscribeConfigured();
        subscriptions.apply(request("SUBSCRIBE", 300, "trades"));

        // 2 watchlist symbols, 2 indices (001, 101) and the 300 requested symbols
        Map<String, Integer> items = subscriptions.itemsByAccount();
        assertThat(items.get("main") + items.get("second")).isEqualTo(304);
        assertThat(main.registeredItems()).isLessThanOrEqualTo(200);
        assertThat(second.registeredItems()).isLessThanOrEqualTo(200);
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(304);
    }

    @Test
    void refusesARequestThatDoesNotFitAndRegistersNothingOfIt() {
        bare.apply(request("SUBSCRIBE", 300, "trades"));
        assertThatThrownBy(() -> bare.apply(request("SUBSCRIBE", 101, "trades", 800_000)))
                .isInstanceOf(SubscriptionRejectedException.class)
                .hasMessageContaining("101 new symbol(s)").hasMessageContaining("only 100 are free")
                .extracting(e -> ((SubscriptionRejectedException) e).getCode()).isEqualTo("HUB_SUBSCRIPTION_LIMIT");
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(300);
    }

    @Test
    void anotherChannelForASubscribedSymbolTakesNoNewSlot() {
        bare.apply(request("SUBSCRIBE", 400, "trades"));
        bare.apply(request("SUBSCRIBE", 400, "orderbooks"));
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(400);

        bare.apply(request("UNSUBSCRIBE", 400, "trades"));
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(400);
        bare.apply(request("UNSUBSCRIBE", 400, "orderbooks"));
        assertThat(main.registeredItems() + second.registeredItems()).isZero();
    }

    @Test
    void aWatchlistBeyondTheSlotsSubscribesIndicesThenTheWatchlistInOrderAndLeavesTheRestOut() {
        List<String> watchlist = IntStream.range(0, 450).mapToObj(i -> String.valueOf(900_000 + i)).toList();
        Subscriptions crowded = subscriptions(watchlist);

        String line = crowded.subscribeConfigured();

        WatchlistCoverage coverage = crowded.coverage();
        assertThat(coverage.indices()).containsExactly("001", "101");
        assertThat(coverage.symbols()).isEqualTo(watchlist.subList(0, 398));
        assertThat(coverage.leftOut()).isEqualTo(watchlist.subList(398, 450));
        assertThat(coverage.details()).containsEntry("complete", false).containsEntry("slots", 400)
                .containsEntry("symbols", 398).containsEntry("leftOut", 52)
                .containsEntry("firstLeftOut", "900398, 900399, 900400, 900401, 900402 … 900449");
        assertThat(coverage.shortfall(2, 200)).isEqualTo("The real-time subscriptions need 452 Kiwoom item slots but "
                + "2 account(s) carry 400 (200 per connection, less what is taken): subscribed 2 index(es) and the first "
                + "398 real-time watchlist symbol(s); left out 52 (900398, 900399, 900400, 900401, 900402 … 900449). "
                + "Shorten KIWOOM_REALTIME_WATCHLIST or add an account under kiwoom.accounts.");
        assertThat(line).startsWith("subscribed 2 index(es) [001, 101] and 398 of 450 real-time watchlist symbol(s)");
        assertThat(main.registeredItems()).isEqualTo(200);
        assertThat(second.registeredItems()).isEqualTo(200);
        // nothing is left to subscribe: a request for one more symbol is refused before any REG
        assertThatThrownBy(() -> crowded.apply(request("SUBSCRIBE", 1, "trades", 800_000)))
                .isInstanceOf(SubscriptionRejectedException.class);
        // repeating the start-up subscription changes nothing
        crowded.subscribeConfigured();
        assertThat(crowded.coverage().symbols()).hasSize(398);
    }

    @Test
    void aWatchlistThatFitsIsCompleteAndIndicesTakeIndexCodesOnly() {
        subscriptions.subscribeConfigured();
        assertThat(subscriptions.coverage().complete()).isTrue();
        assertThat(subscriptions.coverage().details()).doesNotContainKey("firstLeftOut");
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(4);

        subscriptions.apply("{\"action\":\"SUBSCRIBE\",\"symbols\":[\"201\"],\"channels\":[\"indices\"]}");
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(5);
        assertThatThrownBy(() -> subscriptions.apply(
                "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"005930\"],\"channels\":[\"indices\"]}"))
                .isInstanceOf(SubscriptionRejectedException.class).hasMessageContaining("3-digit index codes");
        assertThatThrownBy(() -> subscriptions.apply(
                "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"001\"],\"channels\":[\"program-trades\"]}"))
                .isInstanceOf(SubscriptionRejectedException.class).hasMessageContaining("6-character stock codes");
    }

    private Subscriptions subscriptions(List<String> watchlist) {
        return subscriptions(watchlist, main, second);
    }

    private Subscriptions subscriptions(List<String> watchlist, KiwoomSession... sessions) {
        return new Subscriptions(new KiwoomSessions(List.of(sessions)), new SubscriptionProperties(
                List.of("trades", "orderbooks"), watchlist, List.of("001", "101"), true, true, true, "group"), settings,
                new SubscriptionStore(stored));
    }

    @Test
    void appliedRequestsAreStoredPerAccountSymbolAndChannelAndUnsubscribeLeavesTombstones() {
        bare.apply("""
                {"action":"SUBSCRIBE","symbols":["900001"],"channels":["trades","orderbooks"]}""");
        String owner = main.registeredItems() == 1 ? "main" : "second";
        bare.apply("""
                {"action":"UNSUBSCRIBE","symbols":["900001","900002"],"channels":["orderbooks"]}""");

        assertThat(stored.writes()).containsExactly(
                owner + "/900001/trades={\"account\":\"" + owner + "\",\"symbol\":\"900001\",\"channel\":\"trades\"}",
                owner + "/900001/orderbooks={\"account\":\"" + owner + "\",\"symbol\":\"900001\",\"channel\":\"orderbooks\"}",
                owner + "/900001/orderbooks=null");
        assertThat(bare.runTime(owner)).containsExactly(new SubscriptionStore.Entry(owner, "900001", "trades"));
    }

    @Test
    void aRestartRegistersTheStoredItemsOnTheSessionOfTheirAccount() {
        stored.write("second/900001/trades", "{\"account\":\"second\",\"symbol\":\"900001\",\"channel\":\"trades\"}");
        stored.write("second/900002/trades", "{\"account\":\"second\",\"symbol\":\"900002\",\"channel\":\"trades\"}");
        stored.write("gone/900003/trades", "{\"account\":\"gone\",\"symbol\":\"900003\",\"channel\":\"trades\"}");
        KiwoomSession freshMain = session("main");
        KiwoomSession freshSecond = session("second");
        Subscriptions restarted = subscriptions(List.of("005930", "000660"), freshMain, freshSecond);

        restarted.subscribeConfigured();
        int configuredOnSecond = freshSecond.registeredItems();
        assertThat(restarted.restoreRunTime()).startsWith("restored 2 run-time subscription(s)")
                .contains("left 1 of accounts not configured here");

        assertThat(freshSecond.registeredItems()).isEqualTo(configuredOnSecond + 2);
        assertThat(restarted.itemsByAccount()).containsEntry("second", configuredOnSecond + 2)
                .containsEntry("main", 4 - configuredOnSecond);
        assertThat(restarted.runTime("second")).extracting(SubscriptionStore.Entry::symbol).containsExactly("900001", "900002");
        assertThat(restarted.restoreError()).isNull();
    }
    @Test
    void withoutSharingEveryItemStaysOnThePrimarySessionAndARequestBeyondItsSlotsIsRefused() {
        Subscriptions primaryOnly = new Subscriptions(new KiwoomSessions(List.of(main, second)), new SubscriptionProperties(
                List.of("trades"), List.of("005930", "000660"), List.of("001", "101"), true, true, true, "group"),
                unshared(), new SubscriptionStore(stored));

        primaryOnly.apply(request("SUBSCRIBE", 196, "trades"));

        assertThat(primaryOnly.itemsByAccount()).containsEntry("main", 200).containsEntry("second", 0);
        assertThat(second.registeredItems()).isZero();
        assertThatThrownBy(() -> primaryOnly.apply(request("SUBSCRIBE", 1, "trades", 800_000)))
                .isInstanceOf(SubscriptionRejectedException.class)
                .hasMessage("subscribing 1 new symbol(s) needs 1 item slots, but only 0 are free: Kiwoom carries 200 items"
                        + " per connection and only the primary account 'main' carries them"
                        + " (kiwoom.realtime.shared-subscriptions is false) (200 items subscribed). Unsubscribe some, or"
                        + " configure another account (app key) under kiwoom.accounts and set"
                        + " kiwoom.realtime.shared-subscriptions=true.");
    }

    @Test
    void everyInstanceHoldsThePlacementTheRequestReaderWroteAndANewInstanceRestoresIt() {
        KiwoomSession otherMain = session("main");
        KiwoomSession otherSecond = session("second");
        Subscriptions other = subscriptions(List.of("005930", "000660"), otherMain, otherSecond);
        other.subscribeConfigured();
        other.restoreRunTime();

        subscriptions.apply(request("SUBSCRIBE", 300, "trades"));
        subscriptions.apply(request("UNSUBSCRIBE", 50, "trades", 900_100));
        subscriptions.apply("{\"action\":\"UNSUBSCRIBE\",\"symbols\":[\"005930\"],\"channels\":[\"trades\",\"orderbooks\"]}");

        assertThat(subscriptions.itemsByAccount()).isEqualTo(Map.of("main", 126, "second", 127));
        for (String alias : List.of("main", "second")) {
            assertThat(other.itemsOf(alias)).isEqualTo(subscriptions.itemsOf(alias));
        }
        assertThat(otherMain.registeredItems()).isEqualTo(main.registeredItems());
        assertThat(otherSecond.registeredItems()).isEqualTo(second.registeredItems());
        assertThat(other.itemsOf("main")).doesNotContain("005930", "900100").contains("001", "900000");
        assertThat(other.itemsOf("second")).contains("101", "000660", "900001");

        // an instance started now (a new owner) holds the same run-time placement from the store
        KiwoomSession newMain = session("main");
        KiwoomSession newSecond = session("second");
        Subscriptions restarted = subscriptions(List.of("005930", "000660"), newMain, newSecond);
        restarted.subscribeConfigured();
        restarted.restoreRunTime();
        // the same, but for the watchlist symbol unsubscribed at run time: the configuration brings it back at start
        assertThat(restarted.itemsOf("main")).containsExactlyElementsOf(Stream.concat(Stream.of("005930"),
                subscriptions.itemsOf("main").stream()).sorted().toList());
        assertThat(restarted.itemsOf("second")).isEqualTo(subscriptions.itemsOf("second"));
    }

    private RealtimeProperties unshared() {
        RealtimeProperties s = settings;
        return new RealtimeProperties(s.enabled(), s.connectTimeout(), s.reconnect(), s.stallTimeout(), s.evictionBackoff(),
                s.regPerSecond(), s.itemsPerReg(), s.maxItems(), s.queueCapacity(), s.downAfter(), false);
    }

    private static String request(String action, int count, String channel) {
        return request(action, count, channel, 900_000);
    }

    private static String request(String action, int count, String channel, int first) {
        String symbols = IntStream.range(0, count).mapToObj(i -> "\"" + (first + i) + "\"").collect(Collectors.joining(","));
        return "{\"action\":\"" + action + "\",\"symbols\":[" + symbols + "],\"channels\":[\"" + channel + "\"]}";
    }

    private KiwoomSession session(String alias) {
        KiwoomAccount account = new KiwoomAccount(alias, "key-" + alias, "secret", null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", "ws://127.0.0.1:1/api/dostk/websocket");
        return new KiwoomSession(account, new FakeTokens(), settings, new SimpleMeterRegistry());
    }
}
