package com.kiwoomhub.kiwoom;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kiwoom.*} settings as written in application.yaml. The single-account keys are the
 * shorthand for one entry of {@link #accounts()}; {@link KiwoomAccounts} turns both into the
 * validated list the hub works with.
 */
@ConfigurationProperties("kiwoom")
public record KiwoomProperties(
        String appKey,
        String secretKey,
        String accountNumber,
        @DefaultValue("false") boolean mock,
        String baseUrl,
        String wsUrl,
        @DefaultValue("default") String alias,
        @DefaultValue List<String> watchlist,
        Boolean marketHoursOnly,
        @DefaultValue List<Account> accounts,
        @DefaultValue Sandbox sandbox) {

    /** One configured account; keys and URLs fall back to the single-account ones when blank. */
    public record Account(String alias, String appKey, String secretKey, String accountNumber,
                          Boolean mock, String baseUrl, String wsUrl) {
        @Override
        public String toString() {
            return "Account[alias=" + alias + ", accountNumber=" + accountNumber + ", mock=" + mock + "]";
        }
    }

    /** Set by the startup wiring when the built-in sandbox stands in for Kiwoom. */
    public record Sandbox(@DefaultValue("false") boolean active) {
    }

    @Override
    public String toString() {
        return "KiwoomProperties[alias=" + alias + ", mock=" + mock + ", baseUrl=" + baseUrl + ", wsUrl=" + wsUrl
                + ", watchlist=" + watchlist + ", accounts=" + accounts + "]";
    }
}
