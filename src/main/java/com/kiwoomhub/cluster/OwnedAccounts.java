package com.kiwoomhub.cluster;

import java.util.List;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/** The configured accounts this instance owns now, in configuration order ({@code routes/token.camel.yaml} renews these). */
public final class OwnedAccounts {

    private final KiwoomAccounts accounts;
    private final AccountOwnership ownership;

    public OwnedAccounts(KiwoomAccounts accounts, AccountOwnership ownership) {
        this.accounts = accounts;
        this.ownership = ownership;
    }

    public List<KiwoomAccount> all() {
        return accounts.all().stream().filter(a -> ownership.owns(a.alias())).toList();
    }
}
