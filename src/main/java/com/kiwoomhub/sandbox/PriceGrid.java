package com.kiwoomhub.sandbox;

/** The KRX price grid for stocks (호가가격단위, unified since 2023-01-25) and the ±30 % daily limits. */
final class PriceGrid {

    private PriceGrid() {
    }

    /** The tick that applies at {@code price}. */
    static long tick(long price) {
        if (price < 2_000) {
            return 1;
        } else if (price < 5_000) {
            return 5;
        } else if (price < 20_000) {
            return 10;
        } else if (price < 50_000) {
            return 50;
        } else if (price < 200_000) {
            return 100;
        } else if (price < 500_000) {
            return 500;
        }
        return 1_000;
    }

    static long floor(long price) {
        return price - price % tick(price);
    }

    static long ceil(long price) {
        long floored = floor(price);
        return floored == price ? price : floored + tick(floored);
    }

    static boolean onGrid(long price) {
        return price > 0 && price % tick(price) == 0;
    }

    /** One tick up from a price on the grid. */
    static long up(long price) {
        return price + tick(price);
    }

    /** One tick down: the tick of the band just below decides (50,000 goes to 49,950). */
    static long down(long price) {
        return Math.max(1, price - tick(price - 1));
    }

    /** 상한가: the previous close +30 %, rounded down to the grid (34,150 gives 44,350). */
    static long upperLimit(long previousClose) {
        return floor(previousClose * 13 / 10);
    }

    /** 하한가: the previous close -30 %, rounded up to the grid (34,150 gives 23,950). */
    static long lowerLimit(long previousClose) {
        return ceil((previousClose * 7 + 9) / 10);
    }
}
