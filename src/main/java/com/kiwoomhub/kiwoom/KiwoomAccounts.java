package com.kiwoomhub.kiwoom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The validated list of accounts, built once at startup from {@link KiwoomProperties}. Error
 * messages name the environment variable or property to fix and never print a key.
 */
@Component
public class KiwoomAccounts {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{8,11}(-?[0-9]{2})?");

    private final Map<String, KiwoomAccount> byAlias = new LinkedHashMap<>();
    private final boolean sandbox;

    public KiwoomAccounts(KiwoomProperties properties) {
        this.sandbox = properties.sandbox().active();
        for (KiwoomAccount account : resolve(properties)) {
            if (byAlias.putIfAbsent(account.alias(), account) != null) {
                throw new IllegalStateException("kiwoom.accounts: the alias '" + account.alias() + "' is used twice");
            }
        }
    }

    public List<KiwoomAccount> all() {
        return List.copyOf(byAlias.values());
    }

    public boolean isEmpty() {
        return byAlias.isEmpty();
    }

    public boolean sandbox() {
        return sandbox;
    }

    public Optional<KiwoomAccount> find(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    public KiwoomAccount get(String alias) {
        return find(alias).orElseThrow(() -> new NoSuchElementException("No Kiwoom account with alias '" + alias + "'"));
    }

    /** The account used when a request names none: the first configured one. */
    public KiwoomAccount primary() {
        return byAlias.values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No Kiwoom account is configured (KIWOOM_APP_KEY)"));
    }

    private List<KiwoomAccount> resolve(KiwoomProperties p) {
        List<KiwoomAccount> accounts = new ArrayList<>();
        boolean singleGiven = !blank(p.appKey()) || !blank(p.secretKey());
        if (singleGiven) {
            require(p.appKey(), "KIWOOM_APP_KEY", "KIWOOM_SECRET_KEY is set");
            require(p.secretKey(), "KIWOOM_SECRET_KEY", "KIWOOM_APP_KEY is set");
            accounts.add(account(p.alias(), p.appKey(), p.secretKey(), p.accountNumber(), p.mock(),
                    p.baseUrl(), p.wsUrl(), p, "KIWOOM_ACCOUNT_NUMBER"));
        }
        for (int i = 0; i < p.accounts().size(); i++) {
            KiwoomProperties.Account a = p.accounts().get(i);
            String at = "kiwoom.accounts[" + i + "]";
            require(a.alias(), at + ".alias", "an account is listed");
            String appKey = blank(a.appKey()) ? p.appKey() : a.appKey();
            String secretKey = blank(a.secretKey()) ? p.secretKey() : a.secretKey();
            require(appKey, at + ".app-key", "the account is listed");
            require(secretKey, at + ".secret-key", "the account is listed");
            accounts.add(account(a.alias(), appKey, secretKey, a.accountNumber(),
                    a.mock() == null ? p.mock() : a.mock(),
                    blank(a.baseUrl()) ? p.baseUrl() : a.baseUrl(),
                    blank(a.wsUrl()) ? p.wsUrl() : a.wsUrl(), p, at + ".account-number"));
        }
        return accounts;
    }

    private KiwoomAccount account(String alias, String appKey, String secretKey, String accountNumber, boolean mock,
                                  String baseUrl, String wsUrl, KiwoomProperties p, String accountVariable) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalStateException("Kiwoom account alias '" + alias + "' must be 1-32 of [A-Za-z0-9._-]");
        }
        if (!blank(accountNumber) && !ACCOUNT_NUMBER.matcher(accountNumber.trim()).matches()) {
            throw new IllegalStateException(accountVariable + " must be the Kiwoom account number in digits "
                    + "(8 to 13 digits, e.g. 1234567890), got " + accountNumber.length() + " characters");
        }
        KiwoomEnvironment environment = p.sandbox().active() ? KiwoomEnvironment.SANDBOX
                : mock ? KiwoomEnvironment.MOCK : KiwoomEnvironment.REAL;
        String base = stripSlash(blank(baseUrl) ? environment.defaultBaseUrl() : baseUrl.trim());
        String ws = blank(wsUrl) ? environment.defaultWsUrl() : wsUrl.trim();
        checkUrl(base, "KIWOOM_BASE_URL", "http");
        checkUrl(ws, "KIWOOM_WS_URL", "ws");
        return new KiwoomAccount(alias, appKey.trim(), secretKey.trim(),
                blank(accountNumber) ? null : accountNumber.trim().replace("-", ""), environment, base, ws);
    }

    private static void checkUrl(String url, String variable, String scheme) {
        if (!url.startsWith(scheme + "://") && !url.startsWith(scheme + "s://")) {
            throw new IllegalStateException(variable + " must start with " + scheme + ":// or " + scheme + "s://, got '" + url + "'");
        }
    }

    private static void require(String value, String variable, String because) {
        if (blank(value)) {
            throw new IllegalStateException(variable + " must be set because " + because);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
