package com.kiwoomhub.canonical;

/**
 * One order-book level.
 *
 * @param price    KRW
 * @param quantity resting shares at that price
 */
public record PriceLevel(long price, long quantity) {
}
