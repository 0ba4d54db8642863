package com.kiwoomhub.realtimeflows;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.marketdata.MarketCalendar;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/** REAL frames from the sandbox WebSocket become the exact canonical records on their topics. */
class RealtimeTranslationTest extends RealtimeFlowsTest {

    @Autowired
    MarketCalendar calendar;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Sandbox sandbox;
    @Value("${topics.trades}")
    String trades;
    @Value("${topics.orderbooks}")
    String orderbooks;
    @Value("${topics.market-status}")
    String marketStatus;
    @Value("${topics.account}")
    String account;

    @Test
    void multiRowFrameBecomesExactRecordsOnEachTopic() {
        double unknownBefore = count("0Z", "unknown-type");
        double badBefore = count("0B", "untranslatable");
        // Kiwoom's official 0B and 0D examples, for a code no other test uses, plus an NXT trade,
        // a 0s and a 04 row, an order row (not ours), an unknown type and a 0B row without a side.
        sandboxWs.pushRaw("""
                {"trnm":"REAL","data":[
                 {"type":"0B","name":"주식체결","item":"900001","values":{"20":"165208","10":"-20800","11":"-50",
                   "12":"-0.24","27":"-20800","28":"-20700","15":"+82","13":"30379732","14":"632640","16":"20850",
                   "17":"+21150","18":"-20450","25":"5","290":"2","9081":"1"}},
                 {"type":"0B","name":"주식체결","item":"900001_NX","values":{"20":"165209","10":"+20850","11":"+0",
                   "12":"0.00","15":"-7","13":"1200","290":"3"}},
                 {"type":"0D","name":"주식호가잔량","item":"900001","values":{"21":"165207","41":"-20800","61":"82",
                   "42":"+20900","62":"393","43":"-0","63":"0","51":"-20700","71":"23847","52":"20650","72":"100",
                   "121":"12622527","125":"14453430","23":"20850","24":"332941"}},
                 {"type":"0s","name":"장시작시간","item":"","values":{"215":"b","20":"160000","214":"000000"}},
                 {"type":"04","name":"현물잔고","item":"900001","values":{"9201":"5012345601","9001":"900001",
                   "302":"시험종목","10":"-60150","930":"102","931":"154116","933":"100"}},
                 {"type":"00","name":"주문체결","item":"900001","values":{"9203":"0000018","913":"접수"}},
                 {"type":"0Z","name":"미지원","item":"900001","values":{"10":"1"}},
                 {"type":"0B","name":"주식체결","item":"900001","values":{"20":"165210","10":"20800","11":"0",
                   "12":"0","15":"82","13":"30379814"}}
                ]}""");
        LocalDate day = calendar.today();

        try (TopicReader tradeTopic = reader(trades); TopicReader bookTopic = reader(orderbooks);
             TopicReader statusTopic = reader(marketStatus); TopicReader accountTopic = reader(account)) {
            await().atMost(WAIT).until(() -> tradeTopic.withKey("900001").size() == 2);
            List<ConsumerRecord<String, String>> trade = tradeTopic.withKey("900001");
            JsonNode krx = valid(MessageType.TRADE, trade.get(0).value());
            assertThat(krx.path("symbol").asText()).isEqualTo("900001");
            assertThat(krx.path("venue").asText()).isEqualTo("KRX");
            assertThat(krx.path("time").asText()).isEqualTo(day + "T16:52:08+09:00");
            assertThat(krx.path("price").asLong()).isEqualTo(20800);
            assertThat(krx.path("change").asLong()).isEqualTo(-50);
            assertThat(krx.path("changeRate").decimalValue()).isEqualByComparingTo(new BigDecimal("-0.24"));
            assertThat(krx.path("size").asLong()).isEqualTo(82);
            assertThat(krx.path("side").asText()).isEqualTo("BUY");
            assertThat(krx.path("cumulativeVolume").asLong()).isEqualTo(30379732);
            assertThat(krx.path("cumulativeTurnover").asLong()).isEqualTo(632_640_000_000L);
            assertThat(krx.path("open").asLong()).isEqualTo(20850);
            assertThat(krx.path("high").asLong()).isEqualTo(21150);
            assertThat(krx.path("low").asLong()).isEqualTo(20450);
            assertThat(krx.path("bestAsk").asLong()).isEqualTo(20800);
            assertThat(krx.path("bestBid").asLong()).isEqualTo(20700);
            assertThat(krx.path("session").asText()).isEqualTo("REGULAR");
            assertThat(header(trade.get(0), "ce_type")).isEqualTo("kiwoom.trade.v1");
            assertThat(header(trade.get(0), "ce_source")).isEqualTo("kiwoom-hub/ws/0B");
            assertThat(header(trade.get(0), "content-type")).isEqualTo("application/json");
            assertThat(trade.get(0).headers()).extracting(Header::key).as("the contract's headers, no Camel/Kiwoom ones")
                    .containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type");

            JsonNode nxt = valid(MessageType.TRADE, trade.get(1).value());
            assertThat(nxt.path("venue").asText()).isEqualTo("NXT");
            assertThat(nxt.path("time").asText()).isEqualTo(day + "T16:52:09+09:00");
            assertThat(nxt.path("price").asLong()).isEqualTo(20850);
            assertThat(nxt.path("size").asLong()).isEqualTo(7);
            assertThat(nxt.path("side").asText()).isEqualTo("SELL");
            assertThat(nxt.path("session").asText()).isEqualTo("POST");

            await().atMost(WAIT).until(() -> bookTopic.withKey("900001").size() == 1);
            JsonNode book = valid(MessageType.ORDER_BOOK, bookTopic.withKey("900001").get(0).value());
            assertThat(book.path("venue").asText()).isEqualTo("KRX");
            assertThat(book.path("time").asText()).isEqualTo(day + "T16:52:07+09:00");
            assertThat(book.path("asks").toString()).isEqualTo(
                    "[{\"price\":20800,\"quantity\":82},{\"price\":20900,\"quantity\":393}]");
            assertThat(book.path("bids").toString()).isEqualTo(
                    "[{\"price\":20700,\"quantity\":23847},{\"price\":20650,\"quantity\":100}]");
            assertThat(book.path("totalAskQuantity").asLong()).isEqualTo(12622527);
            assertThat(book.path("totalBidQuantity").asLong()).isEqualTo(14453430);
            assertThat(book.path("expectedPrice").asLong()).isEqualTo(20850);
            assertThat(book.path("expectedQuantity").asLong()).isEqualTo(332941);

            await().atMost(WAIT).until(() -> !statusTopic.matching(r -> r.value().contains("\"phase\":\"b\"")).isEmpty());
            ConsumerRecord<String, String> status = statusTopic.matching(r -> r.value().contains("\"phase\":\"b\"")).get(0);
            assertThat(status.key()).isEqualTo("KRX");
            JsonNode phase = valid(MessageType.MARKET_STATUS, status.value());
            assertThat(phase.path("description").asText()).isEqualTo("시간외 종가매매 종료");
            assertThat(phase.path("time").asText()).isEqualTo(day + "T16:00:00+09:00");

            await().atMost(WAIT).until(() -> !accountTopic.matching(r -> r.value().contains("\"900001\"")).isEmpty());
            ConsumerRecord<String, String> position = accountTopic.matching(r -> r.value().contains("\"900001\"")).get(0);
            assertThat(position.key()).isEqualTo("default");
            JsonNode held = valid(MessageType.POSITION, position.value());
            assertThat(held.path("account").asText()).isEqualTo("default");
            assertThat(held.path("quantity").asLong()).isEqualTo(102);
            assertThat(held.path("sellableQuantity").asLong()).isEqualTo(100);
            assertThat(held.path("averagePrice").asLong()).isEqualTo(154116);
            assertThat(held.path("currentPrice").asLong()).isEqualTo(60150);
            assertThat(held.path("time").asText()).endsWith("+09:00");
        }
        assertThat(count("0Z", "unknown-type") - unknownBefore).isEqualTo(1.0);
        assertThat(count("0B", "untranslatable") - badBefore).isEqualTo(1.0);
    }

    @Test
    void eachSymbolKeepsItsOrderUnderABurst() {
        int frames = 1000;
        List<String> symbols = List.of("900011", "900012", "900013", "900014", "900015");
        for (int f = 1; f <= frames; f++) {
            StringBuilder rows = new StringBuilder();
            for (String symbol : symbols) {
                if (!rows.isEmpty()) {
                    rows.append(',');
                }
                rows.append("{\"type\":\"0B\",\"item\":\"").append(symbol).append("\",\"values\":{\"20\":\"100000\",")
                        .append("\"10\":\"+10000\",\"11\":\"+100\",\"12\":\"+1.01\",\"15\":\"+1\",\"13\":\"")
                        .append(f).append("\"}}");
            }
            sandboxWs.pushRaw("{\"trnm\":\"REAL\",\"data\":[" + rows + "]}");
        }
        try (TopicReader tradeTopic = reader(trades)) {
            for (String symbol : symbols) {
                await().atMost(WAIT).until(() -> tradeTopic.withKey(symbol).size() >= frames);
                List<Long> volumes = new ArrayList<>();
                tradeTopic.withKey(symbol).forEach(r -> volumes.add(valid(MessageType.TRADE, r.value())
                        .path("cumulativeVolume").asLong()));
                assertThat(volumes).as(symbol).hasSize(frames).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void watchlistIsSubscribedAndTheMarketModelReachesKafka() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .contains("0B:005930", "0D:005930", "0B:000660", "0D:000660", "0s:", "04:"));
        try (TopicReader tradeTopic = reader(trades)) {
            await().atMost(WAIT).until(() -> {
                sandbox.step();
                return !tradeTopic.withKey("005930").isEmpty() && !tradeTopic.withKey("000660").isEmpty();
            });
            JsonNode trade = valid(MessageType.TRADE, tradeTopic.withKey("005930").get(0).value());
            assertThat(trade.path("venue").asText()).isEqualTo("KRX");
            assertThat(trade.path("price").asLong()).isPositive();
        }
    }

    private double count(String type, String outcome) {
        var counter = meters.find("kiwoom.realtime.rows").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
