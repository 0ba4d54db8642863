package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * kt00001 예수금상세현황 (cash) + kt00018 계좌평가잔고내역 (totals and holdings) → {@link AccountSnapshot}.
 * Both TRs send zero-padded unsigned amounts (15 or 12 digits, negatives as {@code -000…}) and
 * {@code A}-prefixed codes.
 */
public final class AccountSnapshotTranslator {

    public static final String KT00001 = "kt00001";
    public static final String KT00018 = "kt00018";
    static final String KT00018_LIST_KEY = "acnt_evlt_remn_indv_tot";

    private AccountSnapshotTranslator() {
    }

    /**
     * @param account      the account alias the records carry
     * @param kt00001      the kt00001 response body; null leaves {@code cash} out
     * @param kt00018Pages every kt00018 page of one query (cont-yn loop), first page first; totals come
     *                     from the first page, holdings from all; empty leaves totals out and positions empty
     * @param asOf         when the hub read the account, KST
     */
    public static AccountSnapshot translate(String account, JsonNode kt00001, List<JsonNode> kt00018Pages,
                                            OffsetDateTime asOf) {
        AccountSnapshot.Cash cash = kt00001 == null ? null : cash(new KiwoomRow(kt00001, KT00001));
        AccountSnapshot.Totals totals = kt00018Pages.isEmpty() ? null
                : totals(new KiwoomRow(kt00018Pages.get(0), KT00018));
        List<AccountSnapshot.Holding> holdings = new ArrayList<>();
        for (JsonNode page : kt00018Pages) {
            for (JsonNode node : page.path(KT00018_LIST_KEY)) {
                holdings.add(holding(new KiwoomRow(node, KT00018)));
            }
        }
        return new AccountSnapshot(account, asOf, cash, totals, holdings);
    }

    private static AccountSnapshot.Cash cash(KiwoomRow r) {
        return new AccountSnapshot.Cash(r.signed("entr"), r.signed("ord_alow_amt"), r.signed("pymn_alow_amt"),
                r.signed("d1_entra"), r.signed("d2_entra"));
    }

    private static AccountSnapshot.Totals totals(KiwoomRow r) {
        return new AccountSnapshot.Totals(r.signed("tot_pur_amt"), r.signed("tot_evlt_amt"), r.signed("tot_evlt_pl"),
                r.decimal("tot_prft_rt"), r.signed("prsm_dpst_aset_amt"));
    }

    private static AccountSnapshot.Holding holding(KiwoomRow r) {
        return new AccountSnapshot.Holding(r.requireSymbol("stk_cd").symbol(), r.text("stk_nm"),
                r.requireMagnitude("rmnd_qty"), r.magnitude("trde_able_qty"), r.price("pur_pric"), r.price("cur_prc"),
                r.signed("pur_amt"), r.signed("evlt_amt"), r.signed("evltv_prft"), r.decimal("prft_rt"));
    }
}
