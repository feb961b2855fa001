// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.List;

/**
 * How a run ended.
 *
 * @param records every completion the results file now holds for the plan (earlier runs' included), the last per
 *     completion
 * @param cancelled whether the run was cancelled before every completion was done
 */
public record EvalOutcome(List<SampleRecord> records, boolean cancelled) {
    public EvalOutcome {
        records = List.copyOf(records);
    }
}
