package com.kiwoomhub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/**
 * Masks the hub's own secrets in {@code env}, {@code configprops} and every other actuator endpoint that
 * sanitizes, whatever {@code show-values} says: a property whose name ends in app key, secret (key),
 * token, password or credentials, and any value that contains a configured app key, secret key, admin
 * or feed token (a key passed on the command line shows up in {@code sun.java.command}, a key inside
 * {@code SPRING_APPLICATION_JSON} under another name).
 */
@Component
public class SecretMasking implements SanitizingFunction {

    /** A name, lower case with separators removed, that holds a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(appkey|secretkey|secret|token|password|credentials)");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.\\[\\]0-9]");
    /** Shorter configured values are matched by name only: they would mask unrelated values. */
    private static final int MIN_MATCHED_VALUE = 8;

    private final ObjectProvider<KiwoomAccounts> accounts;
    private final Environment environment;
    private volatile List<String> secrets;

    public SecretMasking(ObjectProvider<KiwoomAccounts> accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String name = SEPARATORS.matcher(data.getLowerCaseKey()).replaceAll("");
        if (SECRET_NAME.matcher(name).matches()) {
            return data.withSanitizedValue();
        }
        String value = String.valueOf(data.getValue());
        for (String secret : secrets()) {
            if (value.contains(secret)) {
                return data.withSanitizedValue();
            }
        }
        return data;
    }

    private List<String> secrets() {
        List<String> known = secrets;
        if (known == null) {
            List<String> found = new ArrayList<>();
            KiwoomAccounts configured = accounts.getIfAvailable();
            if (configured != null) {
                for (KiwoomAccount account : configured.all()) {
                    found.add(account.appKey());
                    found.add(account.secretKey());
                }
            }
            found.add(environment.getProperty("hub.admin.token"));
            found.add(environment.getProperty("hub.feed.token"));
            known = found.stream().filter(s -> s != null && s.trim().length() >= MIN_MATCHED_VALUE).map(String::trim)
                    .distinct().toList();
            secrets = known;
        }
        return known;
    }
}
