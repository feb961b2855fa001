// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.analysis.TokenHeat.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The text labels of {@link TokenHeat#legend}: bucket boundaries, calm level first. */
final class HeatLegend {
    private static final String DASH = "–";

    private HeatLegend() {
    }

    static List<String> labels(Measure measure, int levels) {
        List<String> labels = new ArrayList<>(levels);
        for (int level = 0; level < levels; level++) {
            labels.add(measure == Measure.PROBABILITY ? probability(level, levels) : entropy(level, levels));
        }
        return List.copyOf(labels);
    }

    // Heat level 0 holds the highest probabilities, so the bucket of level i is the (levels - 1 - i)-th from 0.
    private static String probability(int level, int levels) {
        int bucket = levels - 1 - level;
        String low = percent(bucket, levels);
        String high = percent(bucket + 1, levels);
        if (levels == 1) {
            return low + DASH + high + "%";
        }
        if (level == 0) {
            return "≥ " + low + "%";
        }
        return bucket == 0 ? "< " + high + "%" : low + DASH + high + "%";
    }

    private static String entropy(int level, int levels) {
        String low = fraction(level, levels);
        String high = fraction(level + 1, levels);
        if (levels == 1) {
            return low + DASH + high;
        }
        if (level == 0) {
            return "< " + high;
        }
        return level == levels - 1 ? "≥ " + low : low + DASH + high;
    }

    private static String percent(int bucket, int levels) {
        return plain(BigDecimal.valueOf(100L * bucket).divide(BigDecimal.valueOf(levels), 1, RoundingMode.HALF_UP));
    }

    private static String fraction(int bucket, int levels) {
        return plain(BigDecimal.valueOf(bucket).divide(BigDecimal.valueOf(levels), 2, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
