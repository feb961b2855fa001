// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How uncertain the model was at a token, for the heat map of the Output view.
 *
 * <p>The convention is <b>heat = uncertainty</b>: level 0 is calm, the highest level is hot. By
 * {@link Measure#PROBABILITY} a token the model was sure of (high probability) is calm; by {@link Measure#ENTROPY}
 * a position where the model spread its bets (high entropy) is hot.
 *
 * <p>Values the backend did not give come back as null: a token without a log-probability has no probability, one
 * without scored alternatives has no entropy. Static and pure; safe from any thread.
 */
public final class TokenHeat {

    /** The number of heat levels the views use unless told otherwise. */
    public static final int DEFAULT_LEVELS = 10;

    /** What the heat map colours by. */
    public enum Measure {
        /** The token's own probability: high probability is calm, low is hot. */
        PROBABILITY,
        /** The normalised entropy of the token's top-k alternatives: low is calm, high is hot. */
        ENTROPY
    }

    private TokenHeat() {
    }

    /** The token's probability, {@code exp(logprob)}, or null when the backend gave no log-probability. */
    public static @Nullable Double probability(ScoredToken token) {
        Double logprob = token.logprob();
        return logprob == null ? null : Math.exp(logprob);
    }

    /**
     * The entropy (natural log, in nats) of the distribution at the token's position, estimated from its top-k
     * alternatives: the listed alternatives plus one "rest" bucket holding the probability they leave over. It is 0
     * when one alternative has all the mass, and a lower bound of the entropy over the whole vocabulary, since the
     * rest bucket stands for many tokens. Alternatives without a log-probability are ignored; when rounding makes
     * the listed mass exceed 1 it is scaled back to 1 and the rest is empty.
     *
     * @return the entropy, or null when the token has no alternative with a log-probability
     */
    public static @Nullable Double entropy(ScoredToken token) {
        double[] p = alternativeProbabilities(token.top());
        if (p.length == 0) {
            return null;
        }
        double listed = 0;
        for (double value : p) {
            listed += value;
        }
        double scale = listed > 1 ? 1 / listed : 1;
        double entropy = 0;
        for (double value : p) {
            entropy -= plogp(value * scale);
        }
        entropy -= plogp(1 - listed * scale);
        return Math.max(0, entropy);
    }

    /**
     * The {@link #entropy} divided by its largest possible value, {@code ln(k + 1)} for k listed alternatives (all
     * k + 1 buckets equally likely), so 0..1 whatever k the backend returned.
     *
     * @return the normalised entropy, or null when {@link #entropy} is null
     */
    public static @Nullable Double normalizedEntropy(ScoredToken token) {
        Double entropy = entropy(token);
        if (entropy == null) {
            return null;
        }
        int k = alternativeProbabilities(token.top()).length;
        return Math.min(1, entropy / Math.log(k + 1));
    }

    /**
     * The token's heat by the measure, 0 (calm) to 1 (hot): {@code 1 - probability}, or the normalised entropy.
     *
     * @return the heat, or null when the backend gave no value for the measure
     */
    public static @Nullable Double heat(ScoredToken token, Measure measure) {
        return switch (measure) {
            case PROBABILITY -> {
                Double p = probability(token);
                yield p == null ? null : 1 - p;
            }
            case ENTROPY -> normalizedEntropy(token);
        };
    }

    /**
     * The token's heat level, 0 (calm) to {@code levels - 1} (hot), as {@link #legend} labels them. By probability
     * the level is counted down from the top bucket of {@link #level}, so a probability on a bucket boundary (90%)
     * falls in the bucket the legend names for it ("≥ 90%"), without the rounding of {@code 1 - p}.
     *
     * @return the level, or null when the backend gave no value for the measure
     * @throws IllegalArgumentException if {@code levels} is less than 1
     */
    public static @Nullable Integer heatLevel(ScoredToken token, Measure measure, int levels) {
        return switch (measure) {
            case PROBABILITY -> {
                Double p = probability(token);
                yield p == null ? null : levels - 1 - level(p, levels);
            }
            case ENTROPY -> {
                Double entropy = normalizedEntropy(token);
                yield entropy == null ? null : level(entropy, levels);
            }
        };
    }

    /**
     * The bucket of a 0..1 value among {@code levels} equal buckets: {@code floor(value * levels)}, with 1 in the
     * top bucket. Values outside 0..1 are clamped.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or {@code levels} is less than 1
     */
    public static int level(double value, int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, was " + levels);
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value is NaN");
        }
        double clamped = Math.clamp(value, 0.0, 1.0);
        return Math.min(levels - 1, (int) Math.floor(clamped * levels));
    }

    /** The legend for {@link #DEFAULT_LEVELS} levels; see {@link #legend(Measure, int)}. */
    public static List<String> legend(Measure measure) {
        return legend(measure, DEFAULT_LEVELS);
    }

    /**
     * One label per heat level, calm first (index = level): by probability {@code "≥ 90%", "80–90%", … "< 10%"},
     * by normalised entropy {@code "< 0.1", "0.1–0.2", … "≥ 0.9"}. A range includes its lower bound.
     *
     * @throws IllegalArgumentException if {@code levels} is less than 1
     */
    public static List<String> legend(Measure measure, int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, was " + levels);
        }
        return HeatLegend.labels(measure, levels);
    }

    private static double[] alternativeProbabilities(List<TokenAlternative> top) {
        return top.stream()
                .map(TokenAlternative::logprob)
                .filter(logprob -> logprob != null)
                .mapToDouble(logprob -> Math.exp(logprob))
                .toArray();
    }

    private static double plogp(double p) {
        return p <= 0 ? 0 : p * Math.log(p);
    }
}
