package com.kiwoomhub.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.canonical.Side;

/**
 * One order as {@link ExecutionTracker} follows it: the NEW order and every modify/cancel number Kiwoom gave
 * it, with Kiwoom's cumulative figures per number, so that each event carries quantities for the whole order.
 */
final class ExecutionChain {

    final String clientOrderId;
    final String symbol;
    final Side side;
    long orderQuantity;
    final Map<String, Long> filled = new HashMap<>();
    final Map<String, Long> amount = new HashMap<>();
    final Map<String, Long> cancelled = new HashMap<>();
    final Set<String> confirmed = new HashSet<>();
    /** Kiwoom refused the order: nothing more is to come. */
    boolean refused;

    ExecutionChain(String clientOrderId, String symbol, Side side, long orderQuantity) {
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.side = side;
        this.orderQuantity = orderQuantity;
    }

    long filled() {
        return filled.values().stream().mapToLong(Long::longValue).sum();
    }

    long remaining() {
        return Math.max(0, orderQuantity - filled() - cancelled.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Null while a number with fills has no known cumulative amount (a catch-up row without one). */
    BigDecimal averagePrice() {
        long qty = filled();
        long value = amount.values().stream().mapToLong(Long::longValue).sum();
        return qty == 0 || value == 0 || !amount.keySet().containsAll(filled.keySet()) ? null
                : BigDecimal.valueOf(value).divide(BigDecimal.valueOf(qty), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    OrderStatus status() {
        long filled = filled();
        if (orderQuantity > 0 && filled >= orderQuantity) {
            return OrderStatus.FILLED;
        }
        if (remaining() == 0) {
            return OrderStatus.CANCELLED;
        }
        return filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    }

    /** A FILL when Kiwoom's cumulative figure for the order number grew. */
    List<OrderEvent> fill(OrderExecution row) {
        String number = row.orderNumber();
        long cumulative = row.cumulativeFilledQuantity() == null ? 0 : row.cumulativeFilledQuantity();
        long before = filled.getOrDefault(number, 0L);
        if (cumulative <= before) {
            return List.of();
        }
        filled.put(number, cumulative);
        if (row.cumulativeFilledAmount() != null) {
            amount.put(number, row.cumulativeFilledAmount());
        } else {
            amount.remove(number);
        }
        Long lastQuantity = row.lastFillQuantity() != null ? row.lastFillQuantity() : cumulative - before;
        Long lastPrice = row.lastFillPrice() != null ? row.lastFillPrice() : row.executionPrice();
        return List.of(event(row, OrderEventType.FILL, status(), lastPrice, lastQuantity));
    }

    OrderEvent event(OrderExecution row, OrderEventType type, OrderStatus status, Long lastPrice, Long lastQuantity) {
        boolean rejection = type == OrderEventType.REJECTED;
        return new OrderEvent(clientOrderId, type, status, row.orderNumber(), row.originalOrderNumber(),
                symbol, side, orderQuantity, filled(), remaining(), lastPrice, lastQuantity,
                averagePrice(), rejection ? "Kiwoom refused the order (" + row.rejectReason() + ")" : null,
                rejection && row.rejectReason() != null ? OrderFlowCodes.KIWOOM_PREFIX + row.rejectReason() : null,
                row.time());
    }
}
