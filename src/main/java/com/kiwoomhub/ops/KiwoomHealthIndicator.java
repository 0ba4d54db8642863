package com.kiwoomhub.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomException;
import com.kiwoomhub.kiwoom.TokenManager;

/**
 * {@code kiwoom} in /actuator/health: DOWN when a valid token cannot be had for some account, with
 * per alias the environment, token expiry (KST) and last error code; UNKNOWN when no account is
 * configured (nothing to call, so nothing is wrong yet). An account another instance owns
 * (hub.cluster) is {@code STANDBY}: this instance neither holds nor asks a token for it.
 */
@Component("kiwoomHealthIndicator")
public class KiwoomHealthIndicator extends AbstractHealthIndicator {

    private final KiwoomAccounts accounts;
    private final TokenManager tokens;
    private final AccountOwnership ownership;

    public KiwoomHealthIndicator(KiwoomAccounts accounts, TokenManager tokens, AccountOwnership ownership) {
        super("Kiwoom health check failed");
        this.accounts = accounts;
        this.tokens = tokens;
        this.ownership = ownership;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (accounts.isEmpty()) {
            builder.unknown().withDetail("accounts", "none configured (KIWOOM_APP_KEY is not set)");
            return;
        }
        boolean allValid = true;
        for (KiwoomAccount account : accounts.all()) {
            if (!ownership.owns(account.alias())) {
                builder.withDetail(account.alias(), Map.of("role", "STANDBY"));
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("environment", account.environment());
            try {
                tokens.token(account);
            } catch (KiwoomException e) {
                allValid = false;
                detail.put("error", e.category() + " " + e.error().code());
            }
            TokenManager.TokenStatus status = tokens.status(account);
            detail.put("tokenValid", status.valid());
            tokens.validUntilKst(account).ifPresent(until -> detail.put("tokenValidUntil", until));
            if (status.lastErrorCode() != null) {
                detail.put("lastErrorCode", status.lastErrorCode());
            }
            builder.withDetail(account.alias(), detail);
        }
        if (allValid) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
