// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import java.util.Comparator;
import java.util.List;

/**
 * The options of one question with their scores, in the order given, and the option each ranking picks. Ties go
 * to the option listed first, so a ranking never depends on the order of equal floating-point sums.
 */
public record ChoiceRanking(List<ChoiceScore> scores) {

    public ChoiceRanking {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one option");
        }
        scores = List.copyOf(scores);
    }

    /** The option with the highest log-probability. */
    public ChoiceScore bestByLogprob() {
        return best(Comparator.comparingDouble(ChoiceScore::logprob));
    }

    /** The option with the highest log-probability per token. */
    public ChoiceScore bestByNormalizedLogprob() {
        return best(Comparator.comparingDouble(ChoiceScore::normalizedLogprob));
    }

    private ChoiceScore best(Comparator<ChoiceScore> order) {
        ChoiceScore best = scores.getFirst();
        for (ChoiceScore score : scores) {
            if (order.compare(score, best) > 0) {
                best = score;
            }
        }
        return best;
    }
}
