package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.support.InMemoryStateTopic;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Subscriptions spread items over the accounts' sessions and refuse what does not fit, as a whole. */
class SubscriptionsTest {

    private final RealtimeProperties settings = KiwoomSessionTest.settings(Duration.ofSeconds(60), Duration.ofSeconds(5), 4);
    private final KiwoomSession main = session("main");
    private final KiwoomSession second = session("second");
    private final InMemoryStateTopic stored = new InMemoryStateTopic("kiwoom.subscriptions");
    private final Subscriptions subscriptions = subscriptions(main, second);

    @Test
    void spreadsItemsOverTheAccountsSessionsUpToTwoHundredEach() {
        subscriptions.subscribeConfigured();
        subscriptions.apply(request("SUBSCRIBE", 300, "trades"));

        Map<String, Integer> items = subscriptions.itemsByAccount();
        assertThat(items.get("main") + items.get("second")).isEqualTo(302);
        assertThat(main.registeredItems()).isLessThanOrEqualTo(200);
        assertThat(second.registeredItems()).isLessThanOrEqualTo(200);
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(302);
    }

    @Test
    void refusesARequestThatDoesNotFitAndRegistersNothingOfIt() {
        subscriptions.apply(request("SUBSCRIBE", 300, "trades"));
        assertThatThrownBy(() -> subscriptions.apply(request("SUBSCRIBE", 101, "trades", 800_000)))
                .isInstanceOf(SubscriptionRejectedException.class)
                .hasMessageContaining("101 new symbol(s)").hasMessageContaining("only 100 are free")
                .extracting(e -> ((SubscriptionRejectedException) e).getCode()).isEqualTo("HUB_SUBSCRIPTION_LIMIT");
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(300);
    }

    @Test
    void anotherChannelForASubscribedSymbolTakesNoNewSlot() {
        subscriptions.apply(request("SUBSCRIBE", 400, "trades"));
        subscriptions.apply(request("SUBSCRIBE", 400, "orderbooks"));
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(400);

        subscriptions.apply(request("UNSUBSCRIBE", 400, "trades"));
        assertThat(main.registeredItems() + second.registeredItems()).isEqualTo(400);
        subscriptions.apply(request("UNSUBSCRIBE", 400, "orderbooks"));
        assertThat(main.registeredItems() + second.registeredItems()).isZero();
    }

    @Test
    void appliedRequestsAreStoredPerAccountSymbolAndChannelAndUnsubscribeLeavesTombstones() {
        subscriptions.apply("""
                {"action":"SUBSCRIBE","symbols":["900001"],"channels":["trades","orderbooks"]}""");
        String owner = main.registeredItems() == 1 ? "main" : "second";
        subscriptions.apply("""
                {"action":"UNSUBSCRIBE","symbols":["900001","900002"],"channels":["orderbooks"]}""");

        assertThat(stored.writes()).containsExactly(
                owner + "/900001/trades={\"account\":\"" + owner + "\",\"symbol\":\"900001\",\"channel\":\"trades\"}",
                owner + "/900001/orderbooks={\"account\":\"" + owner + "\",\"symbol\":\"900001\",\"channel\":\"orderbooks\"}",
                owner + "/900001/orderbooks=null");
        assertThat(subscriptions.runTime(owner)).containsExactly(new SubscriptionStore.Entry(owner, "900001", "trades"));
    }

    @Test
    void aRestartRegistersTheStoredItemsOnTheSessionOfTheirAccount() {
        stored.write("second/900001/trades", "{\"account\":\"second\",\"symbol\":\"900001\",\"channel\":\"trades\"}");
        stored.write("second/900002/trades", "{\"account\":\"second\",\"symbol\":\"900002\",\"channel\":\"trades\"}");
        stored.write("gone/900003/trades", "{\"account\":\"gone\",\"symbol\":\"900003\",\"channel\":\"trades\"}");
        KiwoomSession freshMain = session("main");
        KiwoomSession freshSecond = session("second");
        Subscriptions restarted = subscriptions(freshMain, freshSecond);

        restarted.subscribeConfigured();
        int configuredOnSecond = freshSecond.registeredItems();
        assertThat(restarted.restoreRunTime()).startsWith("restored 2 run-time subscription(s)")
                .contains("left 1 of accounts not configured here");

        assertThat(freshSecond.registeredItems()).isEqualTo(configuredOnSecond + 2);
        assertThat(restarted.itemsByAccount()).containsEntry("second", configuredOnSecond + 2)
                .containsEntry("main", 2 - configuredOnSecond);
        assertThat(restarted.runTime("second")).extracting(SubscriptionStore.Entry::symbol).containsExactly("900001", "900002");
        assertThat(restarted.restoreError()).isNull();
    }

    private static String request(String action, int count, String channel) {
        return request(action, count, channel, 900_000);
    }

    private static String request(String action, int count, String channel, int first) {
        String symbols = IntStream.range(0, count).mapToObj(i -> "\"" + (first + i) + "\"").collect(Collectors.joining(","));
        return "{\"action\":\"" + action + "\",\"symbols\":[" + symbols + "],\"channels\":[\"" + channel + "\"]}";
    }

    private Subscriptions subscriptions(KiwoomSession... sessions) {
        return new Subscriptions(new KiwoomSessions(List.of(sessions)), properties(List.of("005930", "000660")),
                new SubscriptionProperties(List.of("trades", "orderbooks"), true, true, "group"), settings,
                new SubscriptionStore(stored));
    }

    private KiwoomSession session(String alias) {
        KiwoomAccount account = new KiwoomAccount(alias, "key-" + alias, "secret", null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", "ws://127.0.0.1:1/api/dostk/websocket");
        return new KiwoomSession(account, new FakeTokens(), settings, new SimpleMeterRegistry());
    }

    private static KiwoomProperties properties(List<String> watchlist) {
        return new KiwoomProperties(null, null, null, false, null, null, "main", watchlist, null, List.of(), null);
    }
}
