package com.kiwoomhub.kiwoom;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failed Kiwoom exchange. {@code code} is the detail code Kiwoom put inside its message
 * ({@code 1511}, {@code 800033}, {@code RC4058}, {@code 8005}), else {@code rc<return_code>},
 * {@code http<status>} or a transport name; {@code text} is Kiwoom's own message.
 */
public record KiwoomError(KiwoomErrorCategory category, String code, String text, String apiId,
                          int httpStatus, Integer returnCode) {

    /** Orders: {@code [2000](800033:...)}; REST: {@code ...[1511:...]}; WebSocket: {@code [CODE=8005, ...]}. */
    private static final Pattern ORDER_CODE = Pattern.compile("\\[\\d+]\\(([A-Za-z]*\\d+):");
    private static final Pattern BRACKET_CODE = Pattern.compile("\\[([A-Za-z]*\\d{3,6}):");
    private static final Pattern WS_CODE = Pattern.compile("CODE=([A-Za-z]*\\d+)");

    private static final Set<String> CONFIGURATION_CODES = Set.of("8001", "8002", "8011", "8012", "8020", "8030");
    private static final Set<String> REISSUE_CODES = Set.of("8005", "8031", "8103");

    /** Classifies a Kiwoom answer; {@code returnCode} is null when the body carried none. */
    public static KiwoomError of(String apiId, int httpStatus, Integer returnCode, String returnMsg) {
        String text = returnMsg == null ? "" : returnMsg.trim();
        String detail = detailCode(text);
        String code = detail != null ? detail
                : returnCode != null && returnCode != 0 ? "rc" + returnCode
                : "http" + httpStatus;
        return new KiwoomError(categorize(httpStatus, returnCode, detail), code, text, apiId, httpStatus, returnCode);
    }

    /** A failure with no Kiwoom answer: a connection error, a timeout, an unreadable body. */
    public static KiwoomError local(KiwoomErrorCategory category, String code, String text, String apiId) {
        return new KiwoomError(category, code, text, apiId, 0, null);
    }

    /** Token invalid for this server (expired, revoked, other environment): re-issue and retry once. */
    public boolean reissuesToken() {
        return httpStatus == 401 || (returnCode != null && returnCode == 3 && REISSUE_CODES.contains(code));
    }

    static String detailCode(String text) {
        for (Pattern p : new Pattern[] {ORDER_CODE, BRACKET_CODE, WS_CODE}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static KiwoomErrorCategory categorize(int httpStatus, Integer returnCode, String detail) {
        if (detail != null && CONFIGURATION_CODES.contains(detail)) {
            return KiwoomErrorCategory.CONFIGURATION;
        }
        if ("1634".equals(detail)) {
            return KiwoomErrorCategory.TOO_MANY_ITEMS;
        }
        if (httpStatus == 429 || "1700".equals(detail)) {
            return KiwoomErrorCategory.RATE_LIMIT;
        }
        if (httpStatus == 401) {
            return KiwoomErrorCategory.AUTH;
        }
        if (httpStatus >= 500 || returnCode == null) {
            return KiwoomErrorCategory.SERVER;
        }
        return switch (returnCode) {
            case 1 -> KiwoomErrorCategory.INVALID_REQUEST;
            case 2 -> KiwoomErrorCategory.INPUT;
            case 3 -> KiwoomErrorCategory.AUTH;
            case 5 -> KiwoomErrorCategory.RATE_LIMIT;
            case 7 -> KiwoomErrorCategory.SERVICE;
            case 20 -> KiwoomErrorCategory.ORDER_REJECTED;
            default -> KiwoomErrorCategory.UNKNOWN;
        };
    }
}
