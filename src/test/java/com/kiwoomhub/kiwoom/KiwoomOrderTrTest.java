package com.kiwoomhub.kiwoom;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;

/** The order TRs' ids and bodies, and Kiwoom's refusal text. */
class KiwoomOrderTrTest {

    @Test
    void aStopLimitSellGoesToKt10001WithEveryFieldAString() {
        KiwoomOrderTr tr = new KiwoomOrderTr(OrderAction.NEW, Side.SELL, OrderDestination.NXT, "005930", 7L,
                OrderType.STOP_LIMIT, 70100L, 70500L, null);

        assertThat(tr.apiId()).isEqualTo("kt10001");
        assertThat(tr.body()).containsExactly(entry("dmst_stex_tp", "NXT"), entry("stk_cd", "005930"),
                entry("ord_qty", "7"), entry("ord_uv", "70100"), entry("trde_tp", "28"), entry("cond_uv", "70500"));
    }

    @Test
    void aCancelOfAllRemainingGoesToKt10003OnKrx() {
        KiwoomOrderTr tr = new KiwoomOrderTr(OrderAction.CANCEL, Side.BUY, null, "005930", null, null, null, null,
                "0000123");

        assertThat(tr.apiId()).isEqualTo("kt10003");
        assertThat(tr.body()).containsExactly(entry("dmst_stex_tp", "KRX"), entry("orig_ord_no", "0000123"),
                entry("stk_cd", "005930"), entry("cncl_qty", "0"));
    }

    @Test
    void theRefusalTextIsWhatKiwoomMeantForPeople() {
        assertThat(KiwoomOrderTr.refusalText(KiwoomError.of("kt10001", 200, 20,
                "[2000](800033:매도가능수량이 부족합니다. 0주 매도가능)"))).isEqualTo("매도가능수량이 부족합니다. 0주 매도가능");
    }
}
