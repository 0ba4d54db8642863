package com.kiwoomhub.security;

/**
 * Values that came from outside the hub (a clientOrderId, a symbol, a reason text) on their way into a
 * log line: control characters are escaped ({@code \n} becomes {@code \\n}), so that input can never start
 * a line of its own and forge an entry, and overlong values are cut.
 */
public final class Untrusted {

    /** Longest value printed; the rest is summarised by its length. */
    static final int MAX_CHARS = 512;

    private Untrusted() {
    }

    /** The value as one printable line: {@code "null"} for null. */
    public static String forLog(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(end + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        if (out == null && end == text.length()) {
            return text;
        }
        String head = out != null ? out.toString() : text.substring(0, end);
        return end == text.length() ? head : head + "…(" + text.length() + " chars)";
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
