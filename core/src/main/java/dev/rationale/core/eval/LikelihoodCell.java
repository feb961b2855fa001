// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import org.jspecify.annotations.Nullable;

/**
 * The likelihood figures for one variant on one target, over its multiple-choice cases.
 *
 * @param cases the multiple-choice cases planned
 * @param scored cases whose options were scored; the accuracies are over these
 * @param failed cases whose scoring failed; left out of the accuracies
 * @param pending cases not scored (a cancelled run, or a target that cannot score)
 * @param correct scored cases whose highest-scoring option is accepted
 * @param accuracy {@code correct / scored}; null when none was scored
 * @param interval the 95% Wilson interval of {@code accuracy}
 * @param perTokenCorrect scored cases whose option with the highest log-probability per token is accepted
 * @param perTokenAccuracy {@code perTokenCorrect / scored}; null when none was scored
 * @param perTokenInterval the 95% Wilson interval of {@code perTokenAccuracy}
 * @param notScorable why the target's backend cannot score options; null when it can
 * @param failure the reason of the first failed case; null when none failed
 */
public record LikelihoodCell(String variant, String target, int cases, int scored, int failed, int pending,
        int correct, @Nullable Double accuracy, WilsonInterval interval, int perTokenCorrect,
        @Nullable Double perTokenAccuracy, WilsonInterval perTokenInterval, @Nullable String notScorable,
        @Nullable String failure) {
}
