package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/**
 * Kiwoom's state of one order, neutral: from a real-time 00 주문체결 row (FIDs below) or a ka10075 /
 * ka10076 reconciliation row, in canonical units, not yet an {@link OrderEvent} (the order flow
 * correlates it with its requests and decides the event type). Not published on its own topic.
 * Quantities in shares, money in KRW.
 *
 * @param accountNumber            FID 9201 (the number, not the alias)
 * @param orderNumber              FID 9203 주문번호, 7 digits, zeros kept
 * @param originalOrderNumber      FID 904 원주문번호; null for a new order ({@code "0000000"})
 * @param venue                    FID 2134 거래소구분: 0 통합 → UNIFIED, 1 KRX, 2 NXT
 * @param state                    FID 913; null when the text is not a documented state
 * @param stateText                FID 913 as sent (접수, 체결, 확인, 취소, 거부)
 * @param action                   from FID 905: 정정 → MODIFY, 취소 → CANCEL, otherwise NEW
 * @param side                     FID 907: 1 SELL, 2 BUY
 * @param orderKind                FID 905 as sent ({@code +매수}, {@code 매도정정} …)
 * @param tradeType                FID 906 매매구분 as sent ({@code 보통}, {@code 시장가} …)
 * @param orderQuantity            FID 900
 * @param orderPrice               FID 901; null for market-type orders ({@code "0"})
 * @param remainingQuantity        FID 902 미체결수량
 * @param cumulativeFilledAmount   FID 903 체결누계금액, KRW
 * @param cumulativeFilledQuantity FID 911 체결량 (cumulative); null until filled
 * @param executionPrice           FID 910 체결가; null until filled
 * @param executionNumber          FID 909 체결번호; null until filled
 * @param lastFillPrice            FID 914 단위체결가 (this fill)
 * @param lastFillQuantity         FID 915 단위체결량 (this fill)
 * @param rejectReason             FID 919 거부사유; null when {@code "0"}
 * @param fee                      FID 938 당일매매수수료, KRW
 * @param tax                      FID 939 당일매매세금, KRW
 * @param time                     FID 908 on the trading date, KST
 */
public record OrderExecution(String accountNumber, String orderNumber, String originalOrderNumber, String symbol,
                             Venue venue, String name, OrderExecutionState state, String stateText,
                             OrderAction action, Side side, String orderKind, String tradeType, Long orderQuantity,
                             Long orderPrice, Long remainingQuantity, Long cumulativeFilledAmount,
                             Long cumulativeFilledQuantity, Long executionPrice, String executionNumber,
                             Long lastFillPrice, Long lastFillQuantity, String rejectReason, Long fee, Long tax,
                             OffsetDateTime time) {

    /** Cumulative filled amount ÷ cumulative filled quantity, KRW to 4 decimals; null before a fill. */
    public BigDecimal averageFillPrice() {
        if (cumulativeFilledAmount == null || cumulativeFilledQuantity == null || cumulativeFilledQuantity == 0) {
            return null;
        }
        return BigDecimal.valueOf(cumulativeFilledAmount)
                .divide(BigDecimal.valueOf(cumulativeFilledQuantity), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
