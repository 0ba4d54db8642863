package com.kiwoomhub.sandbox;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;

import com.kiwoomhub.sandbox.SandboxAccount.Kind;
import com.kiwoomhub.sandbox.SandboxAccount.Order;
import com.kiwoomhub.sandbox.SandboxAccount.Position;
import com.kiwoomhub.sandbox.SandboxAccount.Side;

/**
 * Accepts, modifies, cancels and fills orders against the simulated market. An order fills at the
 * touch (buy at the best ask, sell at the best bid) once it is marketable, up to the shares shown
 * at the touch in the current step, so big orders fill over several steps. Every event is pushed
 * as a 00 row, and every change of a holding as a 04 row.
 *
 * <p>All work happens under the market's monitor, so prices cannot move in the middle of a fill.
 */
final class MatchingEngine {

    /** A refusal of an order TR: {@code [2000](code:text)}. */
    record Rejection(String code, String text) {
        String message() {
            return "[2000](" + code + ":" + text + ")";
        }
    }

    /** What an order TR gets back: the order created (new, modify or cancel order), or a rejection. */
    record Outcome(Order order, long quantity, String rootNumber, Rejection rejection) {
        boolean accepted() {
            return rejection == null;
        }
    }

    /** A request for a new order, values already parsed. {@code price}/{@code conditionPrice} 0 when not given. */
    record NewOrder(Side side, String exchange, String code, long quantity, long price, TradeType type, long conditionPrice) {
    }

    private final MarketSimulator market;
    private final RealtimeOutbox outbox;
    private final SandboxSettings settings;
    private final OrderRules rules;
    private final Collection<SandboxAccount> accounts;
    private final OrderNumbering numbers;
    private LocalDate day;

    MatchingEngine(MarketSimulator market, RealtimeOutbox outbox, SandboxSettings settings, FaultPlan faults,
                   Collection<SandboxAccount> accounts) {
        this.market = market;
        this.outbox = outbox;
        this.settings = settings;
        this.rules = new OrderRules(market, settings, faults);
        this.accounts = accounts;
        this.numbers = new OrderNumbering(settings.orderNumbers().isBlank() ? null : Path.of(settings.orderNumbers()));
    }

    Outcome place(SandboxAccount account, NewOrder request) {
        synchronized (market) {
            rollOver();
            Optional<Rejection> refused = rules.newOrder(request.exchange(), request.type(), request.code());
            if (refused.isPresent()) {
                return reject(account, request, refused.get());
            }
            MarketSimulator.SymbolState s = market.stateForMatching(request.code());
            Order o = new Order();
            o.code = request.code();
            o.name = s.instrument.name();
            o.side = request.side();
            o.type = request.type();
            o.exchange = request.exchange();
            o.quantity = request.quantity();
            o.remaining = request.quantity();
            o.conditionPrice = request.conditionPrice();
            o.price = switch (request.type().pricing) {
                case LIMIT, STOP -> request.price();
                case MARKET -> 0;
                case OPPOSITE_TOUCH -> request.side() == Side.BUY ? s.askPrice() : s.bidPrice();
                case OWN_TOUCH -> request.side() == Side.BUY ? s.bidPrice() : s.askPrice();
                case PREVIOUS_CLOSE -> s.previousClose;
                case LAST_PRICE -> s.price;
            };
            Optional<Rejection> priceRejection = rules.price(o, s);
            if (priceRejection.isPresent()) {
                return reject(account, request, priceRejection.get());
            }
            o.reservePrice = o.market() ? s.upperLimit() : o.price;
            if (o.side == Side.BUY) {
                long needed = o.quantity * o.reservePrice + commission(o.quantity * o.reservePrice);
                if (needed > account.cash - account.reservedForBuys()) {
                    return reject(account, request, rules.rejection("RC4025", "주문가능금액을 확인하세요."));
                }
            } else {
                long sellable = account.sellable(o.code);
                if (o.quantity > sellable) {
                    return reject(account, request, rules.rejection("800033", "매도가능수량이 부족합니다. " + Math.max(0, sellable) + "주 매도가능"));
                }
            }
            o.number = numbers.next(account.accountNumber(), day);
            o.rootNumber = o.number;
            o.time = now();
            account.orders.put(o.number, o);
            pushOrderEvent(account, o, "접수", s);
            if (o.side == Side.SELL) {
                pushBalance(account, o.code, s);
            }
            match(account, o, true);
            return new Outcome(o, o.quantity, o.rootNumber, null);
        }
    }

    /** kt10002: moves {@code quantity} (0 = all remaining) of an open order to a new order at {@code price}. */
    Outcome modify(SandboxAccount account, String exchange, String originalNumber, String code, long quantity, long price) {
        return amend(account, exchange, originalNumber, code, quantity, (original, s, moved) -> {
            Order o = derived(original, Kind.MODIFY, moved);
            o.type = original.market() ? TradeType.LIMIT : original.type;
            o.price = price;
            o.reservePrice = price;
            Optional<Rejection> priceRejection = rules.price(o, s);
            if (priceRejection.isPresent()) {
                return reject(account, original, code, priceRejection.get());
            }
            if (o.side == Side.BUY) {
                long extra = moved * price - moved * original.reservePrice;
                if (extra > 0 && extra + commission(extra) > account.cash - account.reservedForBuys()) {
                    return reject(account, original, code, rules.rejection("RC4025", "주문가능금액을 확인하세요."));
                }
            }
            o.number = numbers.next(account.accountNumber(), day);
            original.remaining -= moved;
            if (original.remaining == 0) {
                original.status = "확인";
            }
            account.orders.put(o.number, o);
            pushOrderEvent(account, o, "접수", s);
            o.status = "확인";
            pushOrderEvent(account, o, "확인", s);
            match(account, o, false);
            return new Outcome(o, moved, o.rootNumber, null);
        });
    }

    /** kt10003: cancels {@code quantity} (0 = all remaining) of an open order. */
    Outcome cancel(SandboxAccount account, String exchange, String originalNumber, String code, long quantity) {
        return amend(account, exchange, originalNumber, code, quantity, (original, s, cancelled) -> {
            Order o = derived(original, Kind.CANCEL, cancelled);
            o.number = numbers.next(account.accountNumber(), day);
            o.price = 0;
            o.remaining = cancelled;
            account.orders.put(o.number, o);
            pushOrderEvent(account, o, "접수", s);
            original.remaining -= cancelled;
            if (original.remaining == 0) {
                original.status = "취소";
            }
            o.remaining = 0;
            o.status = "확인";
            pushOrderEvent(account, o, "확인", s);
            if (o.side == Side.SELL) {
                pushBalance(account, code, s);
            }
            return new Outcome(o, cancelled, o.rootNumber, null);
        });
    }

    /** A modify or cancel of {@code quantity} (0 = all remaining) of the order it targets, once that order may be amended. */
    private interface Amendment {
        Outcome apply(Order original, MarketSimulator.SymbolState s, long quantity);
    }

    /** What a modify and a cancel share: the new day, the target order and its checks, under the market's monitor. */
    private Outcome amend(SandboxAccount account, String exchange, String originalNumber, String code, long quantity,
                          Amendment amendment) {
        synchronized (market) {
            rollOver();
            Order original = account.orders.get(originalNumber);
            Optional<Rejection> refused = rules.amendment(exchange, original, code, quantity);
            if (refused.isPresent()) {
                return reject(account, original, code, refused.get());
            }
            MarketSimulator.SymbolState s = market.stateForMatching(code);
            return amendment.apply(original, s, quantity == 0 ? original.remaining : quantity);
        }
    }

    /** A 00 row of an order's own step (접수, 확인), at the order's time. */
    private void pushOrderEvent(SandboxAccount account, Order o, String status, MarketSimulator.SymbolState s) {
        outbox.account(account.appKey(), "00", o.code, RealtimeRows.orderEvent(account.accountNumber(), o, status, false, s, o.time, null));
    }

    /** Starts a new trading day on every account when the KST date has changed; call under the market's monitor. */
    void rollOver() {
        LocalDate today = market.session().today();
        if (day != null && !day.equals(today)) {
            accounts.forEach(SandboxAccount::startDay);
        }
        day = today;
    }

    /** Lets every open order of every account fill against the market as it is now. */
    void matchAll() {
        synchronized (market) {
            rollOver();
            for (SandboxAccount account : accounts) {
                for (Order o : account.openOrders()) {
                    match(account, o, false);
                }
            }
        }
    }

    private void match(SandboxAccount account, Order o, boolean arriving) {
        MarketSimulator.SymbolState s = market.stateForMatching(o.code);
        if (!market.session().continuous() && !arriving) {
            return;
        }
        if (o.type.pricing == TradeType.Pricing.STOP && !o.stopTriggered) {
            o.stopTriggered = o.side == Side.BUY ? s.price >= o.conditionPrice : s.price <= o.conditionPrice;
            if (!o.stopTriggered) {
                return;
            }
        }
        boolean buy = o.side == Side.BUY;
        long touch = buy ? s.askPrice() : s.bidPrice();
        long available = buy ? s.askAvailable : s.bidAvailable;
        boolean marketable = o.market() || (buy ? touch <= o.price : touch >= o.price);
        boolean canTrade = market.session().continuous() && marketable && available > 0;
        if (arriving && o.type.duration == TradeType.Duration.FOK && (!canTrade || available < o.remaining)) {
            expire(account, o, s);
            return;
        }
        if (canTrade) {
            fill(account, o, s, touch, Math.min(o.remaining, available));
        }
        if (arriving && o.type.duration == TradeType.Duration.IOC && o.remaining > 0) {
            expire(account, o, s);
        }
    }

    private void fill(SandboxAccount account, Order o, MarketSimulator.SymbolState s, long price, long quantity) {
        long amount = price * quantity;
        long fee = commission(amount);
        long tax = o.side == Side.SELL ? (long) Math.floor(amount * settings.sellTaxRate()) : 0;
        Position p = account.positions.computeIfAbsent(o.code, c -> new Position(c, o.name));
        if (o.side == Side.BUY) {
            account.cash -= amount + fee;
            p.quantity += quantity;
            p.purchaseAmount += amount;
            p.todayBought += quantity;
        } else {
            long average = p.averagePrice();
            long costOut = p.quantity == quantity ? p.purchaseAmount : average * quantity;
            account.cash += amount - fee - tax;
            p.quantity -= quantity;
            p.purchaseAmount -= costOut;
            p.todaySold += quantity;
            long realized = amount - costOut - fee - tax;
            p.realizedToday += realized;
            account.realizedToday += realized;
        }
        p.lastSide = o.side;
        market.consume(s, o.side == Side.BUY, quantity);
        o.remaining -= quantity;
        o.filledQuantity += quantity;
        o.filledAmount += amount;
        o.commission += fee;
        o.tax += tax;
        o.lastFillPrice = price;
        o.lastFillQuantity = quantity;
        o.lastExecution = account.newExecutionNumber();
        o.status = "체결";
        LocalDateTime now = now();
        outbox.account(account.appKey(), "00", o.code, RealtimeRows.orderEvent(account.accountNumber(), o, "체결", true, s, now, null));
        outbox.account(account.appKey(), "04", o.code, RealtimeRows.balance(account, p, s));
    }

    /** IOC/FOK remainder: cancelled by the exchange right after arrival. */
    private void expire(SandboxAccount account, Order o, MarketSimulator.SymbolState s) {
        o.remaining = 0;
        o.status = "취소";
        outbox.account(account.appKey(), "00", o.code, RealtimeRows.orderEvent(account.accountNumber(), o, "취소", false, s, now(), null));
        if (o.side == Side.SELL) {
            pushBalance(account, o.code, s);
        }
    }

    /** A modify or cancel order for {@code original}; it gets its number only once accepted. */
    private Order derived(Order original, Kind kind, long quantity) {
        Order o = new Order();
        o.originalNumber = original.number;
        o.rootNumber = original.rootNumber;
        o.code = original.code;
        o.name = original.name;
        o.side = original.side;
        o.kind = kind;
        o.type = original.type;
        o.exchange = original.exchange;
        o.quantity = quantity;
        o.remaining = quantity;
        o.price = original.price;
        o.reservePrice = original.reservePrice;
        o.conditionPrice = original.conditionPrice;
        o.stopTriggered = original.stopTriggered;
        o.time = now();
        return o;
    }

    private void pushBalance(SandboxAccount account, String code, MarketSimulator.SymbolState s) {
        Position p = account.positions.get(code);
        if (p != null) {
            outbox.account(account.appKey(), "04", code, RealtimeRows.balance(account, p, s));
        }
    }

    private Outcome reject(SandboxAccount account, NewOrder request, Rejection rejection) {
        if (settings.pushRejections() && market.knows(request.code())) {
            Order o = new Order();
            o.code = request.code();
            o.name = market.instrument(request.code()).name();
            o.side = request.side();
            o.type = request.type();
            o.exchange = request.exchange();
            o.quantity = request.quantity();
            o.price = request.price();
            pushRejection(account, o, rejection);
        }
        return new Outcome(null, 0, null, rejection);
    }

    private Outcome reject(SandboxAccount account, Order original, String code, Rejection rejection) {
        if (settings.pushRejections() && original != null && market.knows(code)) {
            Order o = new Order();
            o.code = original.code;
            o.name = original.name;
            o.side = original.side;
            o.type = original.type;
            o.exchange = original.exchange;
            o.originalNumber = original.number;
            pushRejection(account, o, rejection);
        }
        return new Outcome(null, 0, null, rejection);
    }

    /** A refused order has no order number (the TR returns none); the 00 row says 거부 with the code in 919. */
    private void pushRejection(SandboxAccount account, Order o, Rejection rejection) {
        o.number = "";
        o.status = "거부";
        MarketSimulator.SymbolState s = market.stateForMatching(o.code);
        outbox.account(account.appKey(), "00", o.code,
                RealtimeRows.orderEvent(account.accountNumber(), o, "거부", false, s, now(), rejection.code()));
    }

    /** Brokerage commission, truncated to 10 KRW. */
    long commission(long amount) {
        return (long) Math.floor(amount * settings.commissionRate() / 10) * 10;
    }

    private LocalDateTime now() {
        return market.session().now();
    }
}
