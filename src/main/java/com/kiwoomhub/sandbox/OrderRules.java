package com.kiwoomhub.sandbox;

import java.util.Optional;

import com.kiwoomhub.sandbox.MatchingEngine.Rejection;
import com.kiwoomhub.sandbox.SandboxAccount.Kind;
import com.kiwoomhub.sandbox.SandboxAccount.Order;

/**
 * Why the sandbox refuses an order TR, in the order Kiwoom checks: a fault armed by a test, the venue
 * (the mock environment's KRX-only trading hours), the symbol, then the price or the target of a modify
 * or cancel. Funds and holdings are the {@link MatchingEngine}'s to judge.
 */
final class OrderRules {

    private final MarketSimulator market;
    private final SandboxSettings settings;
    private final FaultPlan faults;

    OrderRules(MarketSimulator market, SandboxSettings settings, FaultPlan faults) {
        this.market = market;
        this.settings = settings;
        this.faults = faults;
    }

    /** Why a new order is refused: an armed fault, the venue, then the symbol; the price is judged apart. */
    Optional<Rejection> newOrder(String exchange, TradeType type, String code) {
        return armed().or(() -> venue(exchange, type)).or(() -> symbol(code));
    }

    /** Why a modify or cancel of {@code original} is refused: an armed fault, the venue, then the target itself. */
    Optional<Rejection> amendment(String exchange, Order original, String code, long quantity) {
        Optional<Rejection> refused = armed().or(() -> venue(exchange, null));
        return refused.isPresent() ? refused : target(original, code, quantity);
    }

    private Optional<Rejection> armed() {
        return faults.takeOrderRejection().map(r -> new Rejection(r.code(), r.text()));
    }

    private Optional<Rejection> venue(String exchange, TradeType type) {
        if (!settings.mock()) {
            return Optional.empty();
        }
        if (!"KRX".equals(exchange) || (type != null && type.midPoint())) {
            return Optional.of(new Rejection("RC9000", "모의투자에서는 해당업무가 제공되지 않습니다."));
        }
        if (!market.session().acceptsOrders()) {
            return Optional.of(market.session().now().getHour() < 9
                    ? new Rejection("RC4057", "모의투자 장시작전") : new Rejection("RC4058", "모의투자 장종료"));
        }
        return Optional.empty();
    }

    private Optional<Rejection> symbol(String code) {
        if (settings.mock() && settings.restrictedSymbols().contains(code)) {
            return Optional.of(new Rejection("RC4007", "모의투자 매매제한 종목입니다."));
        }
        if (!market.knows(code)) {
            // not in the reference: the sandbox's own code for a code outside its universe
            return Optional.of(rejection("RC4006", "종목코드를 확인하세요. 종목코드=" + code));
        }
        return Optional.empty();
    }

    /** A limit price off the tick grid or outside the daily limits. */
    Optional<Rejection> price(Order o, MarketSimulator.SymbolState s) {
        if (o.market()) {
            return Optional.empty();
        }
        if (!PriceGrid.onGrid(o.price)) {
            return Optional.of(rejection("RC4003", "호가단위 오류입니다."));
        }
        if (o.price > s.upperLimit() || o.price < s.lowerLimit()) {
            // not in the reference: the sandbox's own code for a price outside the daily limits
            return Optional.of(rejection("RC4004", "상하한가 범위를 벗어난 주문가격입니다."));
        }
        return Optional.empty();
    }

    private Optional<Rejection> target(Order original, String code, long quantity) {
        if (original == null || !original.open() || original.kind == Kind.CANCEL) {
            // not in the reference: the sandbox's own code for a modify/cancel without an open original
            return Optional.of(rejection("RC4033", "정정/취소할 원주문이 없습니다."));
        }
        if (!original.code.equals(code)) {
            return Optional.of(rejection("RC4034", "원주문의 종목코드와 다릅니다."));
        }
        if (quantity > original.remaining) {
            return Optional.of(rejection("RC4035", "정정/취소 가능수량을 초과하였습니다. " + original.remaining + "주 가능"));
        }
        return Optional.empty();
    }

    /** A rejection text as the environment words it: mock messages start with 모의투자. */
    Rejection rejection(String code, String text) {
        return new Rejection(code, settings.mock() ? "모의투자 " + text : text);
    }
}
