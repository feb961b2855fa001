// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param records every completion the results file now holds for the plan (earlier runs' included), the last per
 *     completion
 * @param cancelled whether the run was cancelled before every completion was done
 * @param likelihood every likelihood score the results file now holds for the plan, the last per case
 * @param notScorable target id to why its backend cannot score options; empty for a plan without options
 */
public record EvalOutcome(List<SampleRecord> records, boolean cancelled, List<LikelihoodRecord> likelihood,
        Map<String, String> notScorable) {

    public EvalOutcome {
        records = List.copyOf(records);
        likelihood = List.copyOf(likelihood);
        notScorable = Map.copyOf(notScorable);
    }

    /** An outcome without likelihood scores. */
    public EvalOutcome(List<SampleRecord> records, boolean cancelled) {
        this(records, cancelled, List.of(), Map.of());
    }
}
