// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.RunTarget;

/** One variant on one target: the cell of a run's grid the completions are narrowed to. */
public record CellChoice(String variant, RunTarget target) {

    public static CellChoice of(CellTally cell) {
        return new CellChoice(cell.variant(), cell.target());
    }

    public boolean is(CellTally cell) {
        return variant.equals(cell.variant()) && target.equals(cell.target());
    }

    CompletionFilter narrow(CompletionFilter filter) {
        return filter.withVariant(variant).withTarget(target.endpoint()).withModel(target.model());
    }

    /** As lists show it, e.g. {@code cot · local/llama3.2}. */
    public String label() {
        return variant + " · " + target.label();
    }
}
