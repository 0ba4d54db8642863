package com.kiwoomhub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import com.kiwoomhub.sandbox.MatchingEngine.NewOrder;
import com.kiwoomhub.sandbox.MatchingEngine.Outcome;
import com.kiwoomhub.sandbox.SandboxAccount.Side;

/** kt10000 매수, kt10001 매도, kt10002 정정 and kt10003 취소 on the account of the token. */
final class OrderTr {

    private final MatchingEngine engine;
    private final boolean mock;

    OrderTr(MatchingEngine engine, boolean mock) {
        this.engine = engine;
        this.mock = mock;
    }

    TrReply place(TrCall call, Side side) {
        String exchange = call.requiredOneOf("dmst_stex_tp", "KRX", "NXT", "SOR");
        String code = orderCode(call);
        long quantity = call.number("ord_qty", call.required("ord_qty"));
        String typeCode = call.required("trde_tp");
        TradeType type = TradeType.of(typeCode).orElseThrow(() -> TrFailure.invalid("trde_tp", "정의되지 않은 매매구분=" + typeCode));
        if (quantity == 0) {
            throw TrFailure.invalid("ord_qty", "주문수량은 1주 이상");
        }
        long price = type.needsPrice() ? call.number("ord_uv", call.required("ord_uv")) : 0;
        long condition = type.pricing == TradeType.Pricing.STOP ? call.number("cond_uv", call.required("cond_uv")) : 0;
        Outcome outcome = engine.place(call.account(), new NewOrder(side, exchange, code, quantity, price, type, condition));
        if (!outcome.accepted()) {
            return rejected(outcome);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ord_no", outcome.order().number);
        f.put("dmst_stex_tp", exchange);
        String sideText = side == Side.BUY ? "매수" : "매도";
        return TrReply.ok(f, mock ? "모의투자 " + sideText + "주문완료" : sideText + "주문이 완료되었습니다.");
    }

    TrReply modify(TrCall call) {
        String exchange = call.requiredOneOf("dmst_stex_tp", "KRX", "NXT", "SOR");
        String original = orderNumber(call, "orig_ord_no");
        String code = orderCode(call);
        long quantity = call.number("mdfy_qty", call.required("mdfy_qty"));
        long price = call.number("mdfy_uv", call.required("mdfy_uv"));
        Outcome outcome = engine.modify(call.account(), exchange, original, code, quantity, price);
        if (!outcome.accepted()) {
            return rejected(outcome);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ord_no", outcome.order().number);
        f.put("base_orig_ord_no", outcome.rootNumber());
        f.put("mdfy_qty", KiwoomFormats.padded(outcome.quantity(), 12));
        f.put("dmst_stex_tp", exchange);
        String sideText = outcome.order().side == Side.BUY ? "매수" : "매도";
        return TrReply.ok(f, mock ? "모의투자 정정주문완료" : sideText + "정정 주문입력이 완료되었습니다");
    }

    TrReply cancel(TrCall call) {
        String exchange = call.requiredOneOf("dmst_stex_tp", "KRX", "NXT", "SOR");
        String original = orderNumber(call, "orig_ord_no");
        String code = orderCode(call);
        long quantity = call.number("cncl_qty", call.required("cncl_qty"));
        Outcome outcome = engine.cancel(call.account(), exchange, original, code, quantity);
        if (!outcome.accepted()) {
            return rejected(outcome);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ord_no", outcome.order().number);
        f.put("base_orig_ord_no", outcome.rootNumber());
        f.put("cncl_qty", KiwoomFormats.padded(outcome.quantity(), 12));
        String sideText = outcome.order().side == Side.BUY ? "매수" : "매도";
        return TrReply.ok(f, mock ? "모의투자 취소주문완료" : sideText + "취소 주문입력이 완료되었습니다");
    }

    private static TrReply rejected(Outcome outcome) {
        return TrReply.error(200, 20, outcome.rejection().message());
    }

    /** Orders take the bare 6-character code, no venue suffix (the venue is dmst_stex_tp). */
    private static String orderCode(TrCall call) {
        String code = call.required("stk_cd");
        if (!code.matches("[0-9A-Z]{6}")) {
            throw TrFailure.invalid("stk_cd", "종목코드 형식=" + code);
        }
        return code;
    }

    private static String orderNumber(TrCall call, String name) {
        return KiwoomFormats.orderNumber(call.number(name, call.required(name)));
    }
}
