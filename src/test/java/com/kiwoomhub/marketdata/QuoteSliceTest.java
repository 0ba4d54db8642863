package com.kiwoomhub.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How the quote watchlist is cut into the accounts' slices (kiwoom.quotes.shared). */
class QuoteSliceTest {

    private static final List<String> THREE = List.of("alpha", "beta", "gamma");

    @Test
    void oneAccountPollsTheWholeWatchlistInBatchesOfAHundred() {
        List<QuoteSlice> slices = QuoteSlice.of(codes(250), List.of("alpha"), 100);

        assertThat(slices).hasSize(1);
        assertThat(slices.get(0).account()).isEqualTo("alpha");
        assertThat(slices.get(0).symbols()).isEqualTo(codes(250));
        assertThat(slices.get(0).requests()).extracting(r -> r.get("stk_cd").split("\\|").length).containsExactly(100, 100, 50);
        assertThat(slices.get(0).requests().get(0).get("stk_cd")).startsWith("100000|100001|").endsWith("|100099");
        assertThat(slices.get(0).requests().get(2).get("stk_cd")).startsWith("100200|").endsWith("|100249");
    }

    @Test
    void threeAccountsOfAThousandSymbolsEachPollTenFullBatches() {
        List<QuoteSlice> slices = QuoteSlice.of(codes(3000), THREE, 100);

        assertThat(slices).extracting(QuoteSlice::account).containsExactlyElementsOf(THREE);
        assertThat(slices).allSatisfy(s -> {
            assertThat(s.symbols()).hasSize(1000);
            assertThat(s.requests()).hasSize(10).allSatisfy(r -> assertThat(r.get("stk_cd").split("\\|")).hasSize(100));
        });
        assertThat(slices.get(0).symbols()).isEqualTo(codes(3000).subList(0, 1000));
        assertThat(slices.get(1).symbols()).isEqualTo(codes(3000).subList(1000, 2000));
        assertThat(slices.get(2).symbols()).isEqualTo(codes(3000).subList(2000, 3000));
    }

    @Test
    void callsAreDealtOutInRunsTheFirstAccountsTakingTheOddOnes() {
        // 1,050 codes = 11 calls (the last of 50 codes): 4, 4, 3; the partial batch goes with the last run
        List<QuoteSlice> slices = QuoteSlice.of(codes(1050), THREE, 100);

        assertThat(slices).extracting(s -> s.requests().size()).containsExactly(4, 4, 3);
        assertThat(slices).extracting(s -> s.symbols().size()).containsExactly(400, 400, 250);
        assertThat(slices.get(1).symbols().get(0)).isEqualTo("100400");
        assertThat(slices.get(2).requests().get(2).get("stk_cd").split("\\|")).hasSize(50);
    }

    @Test
    void anAccountLeftWithoutACallHasNoSlice() {
        List<QuoteSlice> slices = QuoteSlice.of(codes(150), THREE, 100);

        assertThat(slices).extracting(QuoteSlice::account).containsExactly("alpha", "beta");
        assertThat(slices).extracting(s -> s.symbols().size()).containsExactly(100, 50);
        assertThat(QuoteSlice.of(List.of(), THREE, 100)).isEmpty();
        assertThat(QuoteSlice.of(codes(10), List.of(), 100)).isEmpty();
    }

    @Test
    void perSymbolCallsAreDealtOutOneCodeEach() {
        List<QuoteSlice> slices = QuoteSlice.of(codes(7), THREE, 1);

        assertThat(slices).extracting(s -> s.requests().size()).containsExactly(3, 2, 2);
        assertThat(slices.get(2).requests()).containsExactly(Map.of("stk_cd", "100005"), Map.of("stk_cd", "100006"));
    }

    @Test
    void everyWatchlistIsCoveredOnceInOrderWithBalancedMinimalCalls() {
        for (int size = 0; size <= 460; size += 23) {
            for (int accounts = 1; accounts <= 5; accounts++) {
                for (int perCall : new int[] {1, 7, 100}) {
                    check(codes(size), IntStream.range(0, accounts).mapToObj(i -> "acct" + i).toList(), perCall);
                }
            }
        }
    }

    @Test
    void theSameConfigurationCutsTheSameSlicesOnEveryInstance() {
        // two instances read the same settings into lists of their own
        List<String> watchlist = new ArrayList<>(codes(777));
        List<QuoteSlice> here = QuoteSlice.of(watchlist, THREE, 100);
        List<QuoteSlice> there = QuoteSlice.of(new ArrayList<>(watchlist), new ArrayList<>(THREE), 100);

        assertThat(there).isEqualTo(here);
        watchlist.clear();
        assertThat(here.get(0).symbols()).as("a slice keeps its own copy").hasSize(300);
    }

    @Test
    void aCallTakesAtLeastOneCode() {
        assertThatThrownBy(() -> QuoteSlice.of(codes(3), THREE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void check(List<String> watchlist, List<String> accounts, int perCall) {
        List<QuoteSlice> slices = QuoteSlice.of(watchlist, accounts, perCall);
        String at = watchlist.size() + " codes, " + accounts.size() + " accounts, " + perCall + " per call";
        List<String> covered = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        slices.forEach(s -> covered.addAll(s.symbols()));
        slices.forEach(s -> s.requests().forEach(r -> requested.addAll(Arrays.asList(r.get("stk_cd").split("\\|")))));
        assertThat(covered).as(at).isEqualTo(watchlist);
        assertThat(requested).as(at).isEqualTo(watchlist);
        assertThat(slices).extracting(QuoteSlice::account).as(at)
                .containsExactlyElementsOf(accounts.subList(0, slices.size()));
        int calls = slices.stream().mapToInt(s -> s.requests().size()).sum();
        assertThat(calls).as(at + ": no call added by the split").isEqualTo((watchlist.size() + perCall - 1) / perCall);
        IntSummary shares = new IntSummary(slices.stream().mapToInt(s -> s.requests().size()).toArray());
        assertThat(shares.max - shares.min).as(at + ": calls per account differ by at most one").isLessThanOrEqualTo(1);
        assertThat(slices).allSatisfy(s -> assertThat(s.requests()).as(at)
                .allSatisfy(r -> assertThat(r.get("stk_cd").split("\\|").length).isBetween(1, perCall)));
    }

    private record IntSummary(int min, int max) {
        IntSummary(int[] values) {
            this(Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
        }
    }

    private static List<String> codes(int count) {
        return IntStream.range(0, count).mapToObj(i -> Integer.toString(100_000 + i)).toList();
    }
}
