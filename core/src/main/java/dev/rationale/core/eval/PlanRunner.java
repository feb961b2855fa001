// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

/**
 * Something that carries out an evaluation's plan into its results file: {@link EvaluationRunner} by sending the
 * requests itself, or a provider's batch API ({@code dev.rationale.core.batch.BatchRunner}). The contract is
 * {@link EvaluationRunner#start}'s.
 */
@FunctionalInterface
public interface PlanRunner {

    /**
     * Starts the plan's missing completions and returns at once; every completion recorded is appended to
     * {@code results}, then told to {@code listener}.
     */
    RunningEvaluation start(EvalPlan plan, ResultsFile results, EvalOptions options, EvalListener listener);
}
