package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.AccountSnapshot;
import com.kiwoomhub.canonical.AccountSnapshotTranslator;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/**
 * The Java behind {@code routes/account.camel.yaml}: which accounts are polled (those with an
 * account number; Kiwoom knows the account from the token) and the snapshot made of kt00001 (cash)
 * and kt00018 (totals and holdings, every page merged by the TR call).
 */
@Component("accountPolling")
public class AccountPolling {

    private final KiwoomAccounts accounts;
    private final AccountOwnership ownership;

    public AccountPolling(KiwoomAccounts accounts, ObjectProvider<AccountOwnership> ownership) {
        this.accounts = accounts;
        this.ownership = ownership.getIfAvailable(() -> AccountOwnership.ALL);
    }

    /** Aliases of the accounts to poll: those this instance owns (hub.cluster). */
    public List<String> aliases() {
        return accounts.all().stream().filter(a -> a.accountNumber() != null && ownership.owns(a.alias()))
                .map(KiwoomAccount::alias).toList();
    }

    public AccountSnapshot snapshot(String alias, JsonNode kt00001, JsonNode kt00018) {
        return AccountSnapshotTranslator.translate(alias, kt00001, List.of(kt00018), OffsetDateTime.now(KST));
    }
}
