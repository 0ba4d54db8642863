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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Subscriptions spread items over the accounts' sessions and refuse what does not fit, as a whole. */
class SubscriptionsTest {

    private final RealtimeProperties settings = KiwoomSessionTest.settings(Duration.ofSeconds(60), Duration.ofSeconds(5), 4);
    private final KiwoomSession main = session("main");
    private final KiwoomSession second = session("second");
    private final Subscriptions subscriptions = new Subscriptions(new KiwoomSessions(List.of(main, second)),
            properties(List.of("005930", "000660")),
            new SubscriptionProperties(List.of("trades", "orderbooks"), true, true, "group"), settings);

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

    private static KiwoomProperties properties(List<String> watchlist) {
        return new KiwoomProperties(null, null, null, false, null, null, "main", watchlist, null, List.of(), null);
    }
}
