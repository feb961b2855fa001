// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.Run;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The selected run's cells (one per variant and model) with their tallies and pass@k, maj@k and cons@k, read from
 * the store as {@code rationale history show} reads them. The tallies are kept counts and come at once; pass@k and
 * the rest need a walk over the run (seconds for a million completions), so they follow in a second query. A
 * listing that arrives for an older run is dropped. Touch it on the FX thread.
 */
final class RunCells {

    private final HistoryQueries queries;
    private final ObservableList<CellTally> cells = FXCollections.observableArrayList();
    // Bumped at each listing, so the cells of a run no longer selected are not shown.
    private int listing;

    RunCells(HistoryQueries queries) {
        this.queries = queries;
    }

    /** Lists {@code run}'s cells; a null run lists none. */
    void list(@Nullable Run run) {
        int query = ++listing;
        cells.clear();
        if (run != null) {
            queries.ask(store -> store.cellTallies(run.id()), tallies -> {
                if (query == listing) {
                    cells.setAll(tallies);
                    queries.ask(store -> store.cells(run.id()), figures -> {
                        if (query == listing) {
                            cells.setAll(figures);
                        }
                    });
                }
            });
        }
    }

    ObservableList<CellTally> cells() {
        return cells;
    }
}
