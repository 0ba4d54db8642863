package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cash, totals and holdings of one account (topic {@code kiwoom.account}, key {@code account}).
 * Money in KRW, quantities in shares, rates in percent.
 *
 * @param account the configured account alias (never the account number)
 * @param asOf    when the hub read it, KST
 */
public record AccountSnapshot(String account, OffsetDateTime asOf, Cash cash, Totals totals, List<Holding> positions)
        implements CanonicalMessage {

    public AccountSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asOf, "asOf");
        positions = positions == null ? null : List.copyOf(positions);
        asOf = KiwoomValues.inKst(asOf);
    }

    /**
     * Cash (kt00001), KRW.
     *
     * @param deposit      예수금 {@code entr}
     * @param orderable    주문가능금액 {@code ord_alow_amt}
     * @param withdrawable 출금가능금액 {@code pymn_alow_amt}
     * @param d1           D+1 추정예수금 {@code d1_entra}
     * @param d2           D+2 추정예수금 {@code d2_entra}
     */
    public record Cash(Long deposit, Long orderable, Long withdrawable, Long d1, Long d2) {
    }

    /**
     * Totals (kt00018 summary), KRW and percent.
     *
     * @param purchase        총매입금액 {@code tot_pur_amt}
     * @param evaluation      총평가금액 {@code tot_evlt_amt}
     * @param profitLoss      총평가손익 {@code tot_evlt_pl}, signed
     * @param profitRate      총수익률 {@code tot_prft_rt}, percent, signed
     * @param estimatedAssets 추정예탁자산 {@code prsm_dpst_aset_amt}
     */
    public record Totals(Long purchase, Long evaluation, Long profitLoss, BigDecimal profitRate, Long estimatedAssets) {
    }

    /**
     * One holding (kt00018 row).
     *
     * @param quantity         보유수량, shares
     * @param sellableQuantity 매매가능수량, shares
     * @param averagePrice     매입가, KRW
     * @param currentPrice     현재가, KRW
     * @param purchaseAmount   매입금액, KRW
     * @param evaluationAmount 평가금액, KRW
     * @param profitLoss       평가손익, KRW, signed
     * @param profitRate       수익률, percent, signed
     */
    public record Holding(String symbol, String name, long quantity, Long sellableQuantity, Long averagePrice,
                          Long currentPrice, Long purchaseAmount, Long evaluationAmount, Long profitLoss,
                          BigDecimal profitRate) {

        public Holding {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    @Override
    public MessageType messageType() {
        return MessageType.ACCOUNT_SNAPSHOT;
    }

    @Override
    public String topicKey() {
        return account;
    }

    /**
     * account, the KST date of {@code asOf}, cash, totals and positions: polls that find nothing changed
     * on the same day share an id.
     */
    @Override
    public List<Object> identity() {
        return Arrays.asList(account, asOf.toLocalDate(), cash, totals, positions);
    }
}
