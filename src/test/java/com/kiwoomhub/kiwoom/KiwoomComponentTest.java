package com.kiwoomhub.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.kiwoom.KiwoomStub.Reply;

class KiwoomComponentTest {

    @Test
    void callsTheTrNamedInTheUriAndAnswersWithJsonAndHeaders() throws Exception {
        try (KiwoomStub stub = new KiwoomStub(); ClientFixture hub = new ClientFixture(stub);
             CamelContext camel = new DefaultCamelContext()) {
            stub.script("ka10001", Reply.ok("{\"stk_cd\":\"005930\",\"stk_nm\":\"삼성전자\",\"cur_prc\":\"+34950\","
                    + "\"return_code\":0,\"return_msg\":\"" + KiwoomStub.OK + "\"}"));
            stub.script("ka10081",
                    Reply.page(KiwoomClientTest.chartPage("20261120"), "NK-1"),
                    Reply.page(KiwoomClientTest.chartPage("20261119"), "NK-2"),
                    Reply.page(KiwoomClientTest.chartPage("20261118"), "NK-3"));
            camel.addComponent("kiwoom", new KiwoomComponent(hub.client));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:quote").to("kiwoom:ka10001?priority=order");
                    from("direct:candles").to("kiwoom:ka10081?account=default&maxPages=3&listKey=stk_dt_pole_chart_qry");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            Exchange quote = template.request("direct:quote", e -> e.getMessage().setBody(Map.of("stk_cd", "005930")));
            assertThat(quote.getException()).isNull();
            JsonNode body = quote.getMessage().getBody(JsonNode.class);
            assertThat(body.path("stk_nm").asText()).isEqualTo("삼성전자");
            assertThat(quote.getMessage().getHeader(KiwoomHeaders.API_ID)).isEqualTo("ka10001");
            assertThat(quote.getMessage().getHeader(KiwoomHeaders.PAGES)).isEqualTo(1);
            assertThat(stub.trRequests().get(0).body()).isEqualTo("{\"stk_cd\":\"005930\"}");

            Exchange candles = template.request("direct:candles", e -> e.getMessage().setBody("{\"stk_cd\":\"005930\"}"));
            assertThat(candles.getMessage().getBody(JsonNode.class).path("stk_dt_pole_chart_qry")).hasSize(3);
            assertThat(candles.getMessage().getHeader(KiwoomHeaders.PAGES)).isEqualTo(3);
            assertThat(candles.getMessage().getHeader(KiwoomHeaders.ROWS)).isEqualTo(3);
            assertThat(candles.getMessage().getHeader(KiwoomHeaders.HAS_MORE)).isEqualTo(true);
            assertThat(candles.getMessage().getHeader(KiwoomHeaders.NEXT_KEY)).isEqualTo("NK-3");
        }
    }

    @Test
    void failsTheExchangeWithTheTypedError() throws Exception {
        try (KiwoomStub stub = new KiwoomStub(); ClientFixture hub = new ClientFixture(stub);
             CamelContext camel = new DefaultCamelContext()) {
            stub.script("ka10001", Reply.error(200, 2, "입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=stk_cd]"));
            camel.addComponent("kiwoom", new KiwoomComponent(hub.client));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:quote").to("kiwoom:ka10001");
                }
            });
            camel.start();

            Exchange failed = camel.createProducerTemplate().request("direct:quote", e -> e.getMessage().setBody(null));

            assertThat(failed.getException()).isInstanceOf(KiwoomException.class);
            assertThat(((KiwoomException) failed.getException()).error().code()).isEqualTo("1511");
            assertThat(stub.trRequests().get(0).body()).isEqualTo("{}");
        }
    }
}
