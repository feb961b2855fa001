// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Picks the next token from a {@link TokenDistribution}, in Java, so that the numbers reported and the choice made
 * come from the same logits.
 *
 * <ul>
 *   <li>Temperature 0, or none given, is greedy: the most likely token (the lowest id among equals). Greedy is the
 *       embedded engine's default because it makes a prompt's answer reproducible and directly comparable with
 *       the probabilities shown.</li>
 *   <li>Otherwise the candidates are filtered as llama.cpp does by default, top-k, then top-p, then min-p, all on
 *       the untempered distribution, and one is drawn with probability proportional to
 *       {@code exp(logprob / temperature)}. Top-k 1 is greedy too.</li>
 *   <li>Draws come from a {@link SplittableRandom} seeded with the request's seed, so the same seed gives the same
 *       text; without a seed each run differs. One sampler serves all samples of a request in turn, so they differ
 *       from each other yet repeat as a set.</li>
 * </ul>
 */
final class TokenSampler {
    private final double temperature;
    private final int topK;
    private final double topP;
    private final double minP;
    private final SplittableRandom random;

    private TokenSampler(double temperature, int topK, double topP, double minP, SplittableRandom random) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.minP = minP;
        this.random = random;
    }

    /**
     * The request's sampling settings; absent ones mean greedy, no top-k, top-p 1 and min-p 0.
     *
     * @throws ProviderException INVALID_REQUEST for a setting out of its range
     */
    static TokenSampler of(CompletionRequest request) {
        double temperature = request.temperature() == null ? 0 : request.temperature();
        int topK = request.topK() == null ? 0 : request.topK();
        double topP = request.topP() == null ? 1 : request.topP();
        double minP = request.minP() == null ? 0 : request.minP();
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw invalid("temperature must be 0 or more, got " + temperature);
        }
        if (topK < 0) {
            throw invalid("top-k must be 0 (off) or more, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw invalid("top-p must be above 0 and at most 1, got " + topP);
        }
        if (!(minP >= 0 && minP <= 1)) {
            throw invalid("min-p must be between 0 and 1, got " + minP);
        }
        SplittableRandom random = request.seed() == null ? new SplittableRandom()
                : new SplittableRandom(request.seed());
        return new TokenSampler(temperature, topK, topP, minP, random);
    }

    boolean greedy() {
        return temperature == 0 || topK == 1;
    }

    int choose(TokenDistribution distribution) {
        if (greedy()) {
            return distribution.argmax();
        }
        int[] candidates = topK > 0 ? distribution.top(topK) : IntStream.range(0, distribution.size()).toArray();
        double threshold = Math.max(topPThreshold(distribution, candidates), minPThreshold(distribution));
        int[] kept = Arrays.stream(candidates).filter(t -> distribution.logprob(t) >= threshold).sorted().toArray();
        return draw(distribution, kept);
    }

    // Top-p keeps the most likely candidates until their share of the candidates' mass reaches p: the smallest
    // logprob among them is the threshold. Ties at the threshold are all kept.
    private double topPThreshold(TokenDistribution distribution, int[] candidates) {
        if (topP >= 1) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] values = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            values[i] = distribution.logprob(candidates[i]);
        }
        Arrays.sort(values);
        double top = values[values.length - 1];
        double mass = 0;
        for (double value : values) {
            mass += Math.exp(value - top);
        }
        double cumulative = 0;
        for (int i = values.length - 1; i >= 0; i--) {
            cumulative += Math.exp(values[i] - top) / mass;
            if (cumulative >= topP) {
                return values[i];
            }
        }
        return values[0];
    }

    private double minPThreshold(TokenDistribution distribution) {
        return minP <= 0 ? Double.NEGATIVE_INFINITY : distribution.logprob(distribution.argmax()) + Math.log(minP);
    }

    private int draw(TokenDistribution distribution, int[] kept) {
        double best = distribution.logprob(distribution.argmax());
        double[] weights = new double[kept.length];
        double total = 0;
        for (int i = 0; i < kept.length; i++) {
            weights[i] = Math.exp((distribution.logprob(kept[i]) - best) / temperature);
            total += weights[i];
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < kept.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return kept[i];
            }
        }
        return kept[kept.length - 1];
    }

    private static ProviderException invalid(String message) {
        return new ProviderException(ProviderException.Kind.INVALID_REQUEST, message);
    }
}
