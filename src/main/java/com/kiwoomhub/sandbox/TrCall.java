package com.kiwoomhub.sandbox;

import java.util.Map;

/**
 * One authenticated TR request as the handlers see it: the TR, its body fields, the continuation
 * cursor and the account of the token.
 */
record TrCall(String apiId, String path, Map<String, Object> body, boolean continuation, String nextKey,
              SandboxAccount account) {

    /** A body field as a trimmed string; null when absent or blank. */
    String field(String name) {
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    /** A required body field; missing gives Kiwoom's 1511 error. */
    String required(String name) {
        String value = field(name);
        if (value == null) {
            throw TrFailure.missing(name);
        }
        return value;
    }

    /** A required field that must be one of {@code allowed}. */
    String requiredOneOf(String name, String... allowed) {
        String value = required(name);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw TrFailure.invalid(name, "허용값=" + String.join("|", allowed));
    }

    /** A non-negative whole number field. */
    long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw TrFailure.invalid(name, "음수");
            }
            return n;
        } catch (NumberFormatException e) {
            throw TrFailure.invalid(name, "숫자가 아닙니다");
        }
    }
}
