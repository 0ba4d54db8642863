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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Subscriptions spread items over the accounts' sessions and refuse what does not fit, as a whole. */
class SubscriptionsTest {

    private final RealtimeProperties settings = KiwoomSessionTest.settings(Duration.ofSeconds(60), Duration.ofSeconds(5), 4);
    private final KiwoomSession main = session("main");
    private final KiwoomSession second = session("second");
    private final Subscriptions subscriptions = subscriptions(List.of("005930", "000660"));

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
        return new Subscriptions(new KiwoomSessions(List.of(main, second)), new SubscriptionProperties(
                List.of("trades", "orderbooks"), watchlist, List.of("001", "101"), true, true, true, "group"), settings);
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
