package com.kiwoomhub.sandbox;

import java.util.List;

/**
 * One listed stock of the simulated universe: its code, Korean name, market, the previous close the
 * price process starts from (KRW), listed shares in thousands and face value (KRW).
 */
public record Instrument(String code, String name, String market, long price, long listedShares, long faceValue) {

    public Instrument {
        if (code == null || !code.matches("[0-9A-Z]{6}")) {
            throw new IllegalArgumentException("An instrument code is 6 characters of [0-9A-Z], got " + code);
        }
        if (!PriceGrid.onGrid(price)) {
            throw new IllegalArgumentException("The price of " + code + " must be a positive price on the KRX tick grid, got " + price);
        }
        market = market == null || market.isBlank() ? "KOSPI" : market;
        listedShares = listedShares <= 0 ? 100_000 : listedShares;
        faceValue = faceValue <= 0 ? 5_000 : faceValue;
    }

    /** A few dozen real KOSPI and KOSDAQ names; prices and share counts are plausible, not live. */
    static final List<Instrument> DEFAULT_UNIVERSE = List.of(
            new Instrument("005930", "삼성전자", "KOSPI", 71_000, 5_969_783, 100),
            new Instrument("000660", "SK하이닉스", "KOSPI", 198_000, 728_002, 5_000),
            new Instrument("373220", "LG에너지솔루션", "KOSPI", 365_000, 234_000, 500),
            new Instrument("207940", "삼성바이오로직스", "KOSPI", 1_030_000, 71_174, 2_500),
            new Instrument("005380", "현대차", "KOSPI", 215_000, 209_416, 5_000),
            new Instrument("000270", "기아", "KOSPI", 98_700, 397_672, 5_000),
            new Instrument("068270", "셀트리온", "KOSPI", 178_500, 216_857, 1_000),
            new Instrument("035420", "NAVER", "KOSPI", 201_500, 158_437, 100),
            new Instrument("035720", "카카오", "KOSPI", 41_850, 442_530, 100),
            new Instrument("051910", "LG화학", "KOSPI", 315_000, 70_592, 5_000),
            new Instrument("006400", "삼성SDI", "KOSPI", 248_000, 68_765, 5_000),
            new Instrument("105560", "KB금융", "KOSPI", 84_600, 393_528, 5_000),
            new Instrument("055550", "신한지주", "KOSPI", 52_300, 509_704, 5_000),
            new Instrument("086790", "하나금융지주", "KOSPI", 61_200, 292_356, 5_000),
            new Instrument("012330", "현대모비스", "KOSPI", 247_000, 91_795, 5_000),
            new Instrument("005490", "POSCO홀딩스", "KOSPI", 302_500, 84_571, 5_000),
            new Instrument("028260", "삼성물산", "KOSPI", 127_800, 169_976, 100),
            new Instrument("066570", "LG전자", "KOSPI", 84_900, 163_648, 5_000),
            new Instrument("003550", "LG", "KOSPI", 72_400, 157_300, 5_000),
            new Instrument("034730", "SK", "KOSPI", 146_300, 73_000, 200),
            new Instrument("015760", "한국전력", "KOSPI", 21_450, 641_964, 5_000),
            new Instrument("032830", "삼성생명", "KOSPI", 93_500, 200_000, 500),
            new Instrument("017670", "SK텔레콤", "KOSPI", 55_700, 214_790, 100),
            new Instrument("030200", "KT", "KOSPI", 44_150, 252_021, 5_000),
            new Instrument("033780", "KT&G", "KOSPI", 112_600, 122_630, 5_000),
            new Instrument("006360", "GS건설", "KOSPI", 34_150, 85_581, 5_000),
            new Instrument("247540", "에코프로비엠", "KOSDAQ", 128_700, 97_801, 500),
            new Instrument("086520", "에코프로", "KOSDAQ", 61_900, 133_138, 500),
            new Instrument("196170", "알테오젠", "KOSDAQ", 412_000, 53_470, 500),
            new Instrument("028300", "HLB", "KOSDAQ", 58_300, 131_216, 500),
            new Instrument("263750", "펄어비스", "KOSDAQ", 33_650, 64_025, 100),
            new Instrument("293490", "카카오게임즈", "KOSDAQ", 16_780, 82_600, 100),
            new Instrument("035900", "JYP Ent.", "KOSDAQ", 72_100, 35_502, 500),
            new Instrument("041510", "에스엠", "KOSDAQ", 96_200, 23_840, 500));
}
