package com.kiwoomhub.sandbox.ws;

/**
 * A condition (조건식) as the HTS would store it. The sandbox has no formula language, so a condition
 * is a band of the day's change rate in percent against the previous close; use infinities for an
 * open side.
 */
public record ConditionDefinition(String seq, String name, double minChangeRate, double maxChangeRate) {

    public static ConditionDefinition risingAtLeast(String seq, String name, double percent) {
        return new ConditionDefinition(seq, name, percent, Double.POSITIVE_INFINITY);
    }

    public static ConditionDefinition fallingAtLeast(String seq, String name, double percent) {
        return new ConditionDefinition(seq, name, Double.NEGATIVE_INFINITY, -percent);
    }

    public boolean matches(long price, long previousClose) {
        if (previousClose <= 0) {
            return false;
        }
        double changeRate = (price - previousClose) * 100.0 / previousClose;
        return changeRate >= minChangeRate && changeRate <= maxChangeRate;
    }
}
