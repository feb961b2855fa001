// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/** A corpus's counts as sacreBLEU's corpus_score forms them: each sentence counted against its reference, summed. */
final class CorpusCounts {

    private CorpusCounts() {
    }

    /**
     * The summed counts.
     *
     * @param metric the metric's name, for the message
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    static <S> S sum(String metric, List<String> hypotheses, List<String> references, S zero,
            BiFunction<String, String, S> count, BinaryOperator<S> plus) {
        if (hypotheses.size() != references.size() || hypotheses.isEmpty()) {
            throw new IllegalArgumentException("corpus " + metric + " needs one reference per hypothesis and at "
                    + "least one of each, got " + hypotheses.size() + " hypotheses and " + references.size()
                    + " references");
        }
        S sum = zero;
        for (int i = 0; i < hypotheses.size(); i++) {
            sum = plus.apply(sum, count.apply(hypotheses.get(i), references.get(i)));
        }
        return sum;
    }
}
