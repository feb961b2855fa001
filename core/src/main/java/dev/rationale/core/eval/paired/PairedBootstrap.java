// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution.Sampler;
import org.jspecify.annotations.Nullable;

/**
 * A paired bootstrap interval of an accuracy difference. The cases are resampled with replacement, keeping each
 * case's two verdicts together (that is what makes it paired: a hard case stays hard for both sides), and the
 * difference B minus A is read off each resample; the 95% interval is the 2.5th to 97.5th percentile of those
 * differences (the plain percentile method: with accuracies near 0 or 1 its bounds stay inside the possible range,
 * which the normal approximation's do not).
 *
 * <p>{@value #RESAMPLES} resamples keep the percentiles' own sampling noise to about a tenth of a percentage point
 * for a hundred cases (less for more), at a cost of milliseconds whatever the number of cases. The generator is
 * seeded with {@link #SEED} and the cases are resampled in a fixed order, so the same verdicts give the same
 * interval in the app, the command line and the report, every time.
 */
public final class PairedBootstrap {

    /** How many resamples are drawn. */
    public static final int RESAMPLES = 10_000;

    /** The seed of every interval, so that results are reproducible. */
    public static final long SEED = 0x5EED_2026L;

    private PairedBootstrap() {
    }

    /** A 95% interval of B's accuracy minus A's, both bounds from -1 to 1. */
    public record Interval(double low, double high) {

        /** Whether {@code value} lies within the bounds, both included. */
        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * The interval for per-case differences: +1 where only B is right, -1 where only A is, 0 where they agree; null
     * for no cases.
     */
    public static @Nullable Interval interval(int[] differences) {
        return interval(differences, RESAMPLES, SEED);
    }

    /** As {@link #interval(int[])} with another number of resamples and seed. */
    static @Nullable Interval interval(int[] differences, int resamples, long seed) {
        int n = differences.length;
        if (n == 0) {
            return null;
        }
        int onlyB = 0;
        int onlyA = 0;
        for (int d : differences) {
            switch (d) {
                case 1 -> onlyB++;
                case -1 -> onlyA++;
                case 0 -> { }
                default -> throw new IllegalArgumentException("a difference is -1, 0 or 1, not " + d);
            }
        }
        return interval(n, onlyA, onlyB, resamples, seed);
    }

    /**
     * As {@link #interval(int[])} for {@code pairs} differences of which {@code onlyA} are -1 and {@code onlyB}
     * are +1; null for no pairs.
     */
    public static @Nullable Interval interval(int pairs, int onlyA, int onlyB) {
        return pairs == 0 ? null : interval(pairs, onlyA, onlyB, RESAMPLES, SEED);
    }

    // The interval depends on the counts alone, not on the order the cases came in: the same verdicts give the
    // same interval whether read from a results file or from the history.
    private static Interval interval(int n, int onlyA, int onlyB, int resamples, long seed) {
        int[] sums = resampledSums(n, onlyB, onlyA, resamples, new SplittableRandom(seed));
        Arrays.sort(sums);
        // The same number of resamples lies below the lower bound as above the upper one (250 of 10,000 each).
        int lower = (int) Math.floor(0.025 * resamples);
        int upper = (int) Math.ceil(0.975 * resamples) - 1;
        return new Interval((double) sums[lower] / n, (double) sums[upper] / n);
    }

    /*
     * Drawing n cases with replacement and summing their differences is the same, in distribution, as drawing how
     * many of the n draws land on discordant cases, D ~ Binomial(n, discordant / n), then how many of those favour
     * B, Binomial(D, onlyB / discordant): the sum is favouring B minus the rest of D. Two exact draws per resample
     * (by inverting the binomial's distribution function) instead of n, so a run of a million cases costs what one
     * of a hundred does. Sums are whole numbers, so sorting them is exact; dividing by n comes last.
     */
    private static int[] resampledSums(int n, int onlyB, int onlyA, int resamples, SplittableRandom random) {
        int[] sums = new int[resamples];
        int discordant = onlyB + onlyA;
        if (discordant == 0) {
            return sums;
        }
        UniformRandomProvider uniform = random::nextLong;
        Sampler discordantDraws = BinomialDistribution.of(n, (double) discordant / n).createSampler(uniform);
        double towardsB = (double) onlyB / discordant;
        for (int r = 0; r < resamples; r++) {
            int drawn = discordantDraws.sample();
            int forB = drawn == 0 ? 0 : BinomialDistribution.of(drawn, towardsB).createSampler(uniform).sample();
            sums[r] = forB - (drawn - forB);
        }
        return sums;
    }
}
