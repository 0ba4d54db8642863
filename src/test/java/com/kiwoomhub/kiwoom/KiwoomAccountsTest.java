package com.kiwoomhub.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class KiwoomAccountsTest {

    private static final String APP_KEY = "test-app-key-7Qx1";
    private static final String SECRET = "test-secret-9Zk2";

    @Test
    void singleAccountVariablesBecomeOneRealAccountOnKiwoomHosts() {
        KiwoomAccounts accounts = new KiwoomAccounts(single(APP_KEY, SECRET, "5012345601", false, null));

        KiwoomAccount account = accounts.primary();
        assertThat(account.alias()).isEqualTo("default");
        assertThat(account.environment()).isEqualTo(KiwoomEnvironment.REAL);
        assertThat(account.baseUrl()).isEqualTo("https://api.kiwoom.com");
        assertThat(account.wsUrl()).isEqualTo("wss://api.kiwoom.com:10000/api/dostk/websocket");
        assertThat(account.toString()).doesNotContain(APP_KEY).doesNotContain(SECRET);
    }

    @Test
    void mockSwitchSelectsMockHostsAndBaseUrlOverridesThem() {
        assertThat(new KiwoomAccounts(single(APP_KEY, SECRET, null, true, null)).primary().baseUrl())
                .isEqualTo("https://mockapi.kiwoom.com");
        assertThat(new KiwoomAccounts(single(APP_KEY, SECRET, null, true, "http://127.0.0.1:18080/")).primary().baseUrl())
                .isEqualTo("http://127.0.0.1:18080");
    }

    @Test
    void appKeyWithoutSecretNamesTheMissingVariableAndNotTheKey() {
        assertThatThrownBy(() -> new KiwoomAccounts(single(APP_KEY, "", null, false, null)))
                .hasMessageContaining("KIWOOM_SECRET_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(APP_KEY));
    }

    @Test
    void malformedAccountNumberIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> new KiwoomAccounts(single(APP_KEY, SECRET, "12ab", false, null)))
                .hasMessageContaining("KIWOOM_ACCOUNT_NUMBER")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12ab"));
    }

    @Test
    void listedAccountsInheritKeysAndNeedUniqueAliases() {
        var listed = List.of(new KiwoomProperties.Account("trading", null, null, "5012345602", true, null, null));
        KiwoomAccounts accounts = new KiwoomAccounts(new KiwoomProperties(APP_KEY, SECRET, "5012345601", false, null,
                null, "default", List.of(), null, listed, new KiwoomProperties.Sandbox(false)));
        assertThat(accounts.all()).extracting(KiwoomAccount::alias).containsExactly("default", "trading");
        assertThat(accounts.get("trading").environment()).isEqualTo(KiwoomEnvironment.MOCK);

        var twice = List.of(new KiwoomProperties.Account("default", APP_KEY, SECRET, null, false, null, null));
        assertThatThrownBy(() -> new KiwoomAccounts(new KiwoomProperties(APP_KEY, SECRET, null, false, null, null,
                "default", List.of(), null, twice, new KiwoomProperties.Sandbox(false))))
                .hasMessageContaining("'default' is used twice");
    }

    @Test
    void noKeysMeansNoAccounts() {
        assertThat(new KiwoomAccounts(single(null, null, null, false, null)).isEmpty()).isTrue();
    }

    private static KiwoomProperties single(String appKey, String secret, String accountNumber, boolean mock, String baseUrl) {
        return new KiwoomProperties(appKey, secret, accountNumber, mock, baseUrl, null, "default", List.of(), null,
                List.of(), new KiwoomProperties.Sandbox(false));
    }
}
