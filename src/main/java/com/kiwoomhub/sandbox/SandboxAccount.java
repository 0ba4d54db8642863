package com.kiwoomhub.sandbox;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated brokerage account, identified by the app key its token was issued to. Cash follows
 * Korean settlement: {@code 예수금} (entr) is the cash at the start of the day, and today's fills move
 * the D+2 estimate (d2_entra), which is what orders may spend. Its state is guarded by the market's
 * monitor, which the matching engine holds while it trades.
 */
public final class SandboxAccount {

    public enum Side { BUY, SELL }

    /** new order, 정정 or 취소. */
    public enum Kind { NEW, MODIFY, CANCEL }

    /** A holding as kt00018 would show it. Amounts in KRW. */
    public record Holding(String code, String name, long quantity, long sellableQuantity, long averagePrice,
                          long purchaseAmount, long todayBought, long todaySold) {
    }

    /** An order as the engine sees it now. {@code status}: 접수, 체결, 확인, 취소. */
    public record OrderView(String orderNumber, String originalOrderNumber, String rootOrderNumber, String code,
                            Side side, Kind kind, String tradeType, long quantity, long price, long remaining,
                            long filledQuantity, long filledAmount, String status, String exchange) {
    }

    static final class Order {
        String number;
        String originalNumber = "0000000";
        String rootNumber;
        String code;
        String name;
        Side side;
        Kind kind = Kind.NEW;
        TradeType type;
        String exchange;
        long quantity;
        long price;
        /** The price a buy holds cash at: its limit, or the upper limit for market-priced orders. */
        long reservePrice;
        long conditionPrice;
        boolean stopTriggered;
        long remaining;
        long filledQuantity;
        long filledAmount;
        long commission;
        long tax;
        String status = "접수";
        LocalDateTime time;
        String lastExecution = "";
        long lastFillPrice;
        long lastFillQuantity;

        boolean open() {
            return kind != Kind.CANCEL && remaining > 0;
        }

        boolean market() {
            return type.pricing == TradeType.Pricing.MARKET;
        }

        OrderView view() {
            return new OrderView(number, originalNumber, rootNumber, code, side, kind, type.code, quantity, price, remaining,
                    filledQuantity, filledAmount, status, exchange);
        }
    }

    static final class Position {
        final String code;
        final String name;
        long quantity;
        long purchaseAmount;
        long todayBought;
        long todaySold;
        long realizedToday;
        Side lastSide = Side.BUY;

        Position(String code, String name) {
            this.code = code;
            this.name = name;
        }

        long averagePrice() {
            return quantity == 0 ? 0 : purchaseAmount / quantity;
        }
    }

    private final Object lock;
    private final String appKey;
    private final String accountNumber;
    long depositAtOpen;
    long cash;
    long realizedToday;
    long nextExecution = 1;
    final Map<String, Position> positions = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();

    SandboxAccount(Object lock, String appKey, String accountNumber, long initialCash) {
        this.lock = lock;
        this.appKey = appKey;
        this.accountNumber = accountNumber;
        this.depositAtOpen = initialCash;
        this.cash = initialCash;
    }

    public String appKey() {
        return appKey;
    }

    public String accountNumber() {
        return accountNumber;
    }

    /** 예수금 at the start of the day (kt00001 entr). */
    public long deposit() {
        synchronized (lock) {
            return depositAtOpen;
        }
    }

    /** D+2 estimated cash after today's fills (kt00001 d2_entra). */
    public long cash() {
        synchronized (lock) {
            return cash;
        }
    }

    /** What a new buy may still spend: cash minus what open buy orders hold (kt00001 ord_alow_amt). */
    public long orderableCash() {
        synchronized (lock) {
            return cash - reservedForBuys();
        }
    }

    /** Replaces the cash (both 예수금 and D+2), e.g. to test an insufficient-cash rejection. */
    public void setCash(long amount) {
        synchronized (lock) {
            depositAtOpen = amount;
            cash = amount;
        }
    }

    /** Seeds a holding bought before today; {@code quantity} 0 removes it. */
    public void setHolding(String code, String name, long quantity, long averagePrice) {
        synchronized (lock) {
            if (quantity <= 0) {
                positions.remove(code);
                return;
            }
            Position p = positions.computeIfAbsent(code, c -> new Position(c, name));
            p.quantity = quantity;
            p.purchaseAmount = quantity * averagePrice;
        }
    }

    public Optional<Holding> holding(String code) {
        synchronized (lock) {
            Position p = positions.get(code);
            return p == null || p.quantity == 0 ? Optional.empty() : Optional.of(holdingOf(p));
        }
    }

    public List<Holding> holdings() {
        synchronized (lock) {
            return positions.values().stream().filter(p -> p.quantity > 0).map(this::holdingOf).toList();
        }
    }

    /** Every order of the day, oldest first, including modify and cancel orders. */
    public List<OrderView> orders() {
        synchronized (lock) {
            return orders.values().stream().map(Order::view).toList();
        }
    }

    public Optional<OrderView> order(String orderNumber) {
        synchronized (lock) {
            return Optional.ofNullable(orders.get(orderNumber)).map(Order::view);
        }
    }

    // ---- used by the engine and the TR handlers while holding the lock ----

    /** A new trading day: yesterday's orders are gone, settled cash becomes 예수금, day counters restart. */
    void startDay() {
        orders.clear();
        depositAtOpen = cash;
        realizedToday = 0;
        positions.values().removeIf(p -> p.quantity == 0);
        for (Position p : positions.values()) {
            p.todayBought = 0;
            p.todaySold = 0;
            p.realizedToday = 0;
        }
    }

    String newExecutionNumber() {
        return KiwoomFormats.orderNumber(nextExecution++);
    }

    long sellable(String code) {
        Position p = positions.get(code);
        long held = p == null ? 0 : p.quantity;
        long selling = orders.values().stream()
                .filter(o -> o.open() && o.side == Side.SELL && o.code.equals(code)).mapToLong(o -> o.remaining).sum();
        return held - selling;
    }

    long reservedForBuys() {
        return orders.values().stream().filter(o -> o.open() && o.side == Side.BUY).mapToLong(o -> o.remaining * o.reservePrice).sum();
    }

    List<Order> openOrders() {
        return new ArrayList<>(orders.values().stream().filter(Order::open).toList());
    }

    private Holding holdingOf(Position p) {
        return new Holding(p.code, p.name, p.quantity, sellable(p.code), p.averagePrice(), p.purchaseAmount,
                p.todayBought, p.todaySold);
    }
}
