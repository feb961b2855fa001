// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param summary the figures of every completion the results file now holds for the plan (earlier runs' included),
 *     the last per completion, summed up as they finished ({@link ReportTally}); the records themselves are in the
 *     results file
 * @param cancelled whether the run was cancelled before every completion was done
 * @param likelihood every likelihood score the results file now holds for the plan, the last per case
 * @param notScorable target id to why its backend cannot score options; empty for a plan without options
 */
public record EvalOutcome(EvalSummary summary, boolean cancelled, List<LikelihoodRecord> likelihood,
        Map<String, String> notScorable) {

    public EvalOutcome {
        likelihood = List.copyOf(likelihood);
        notScorable = Map.copyOf(notScorable);
    }

    /** An outcome without likelihood scores. */
    public EvalOutcome(EvalSummary summary, boolean cancelled) {
        this(summary, cancelled, List.of(), Map.of());
    }
}
