// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCosts;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The selected run's cells (one per variant and model) with their tallies and pass@k, maj@k and cons@k, read from
 * the store as {@code rationale history show} reads them. The tallies are kept counts and come at once; pass@k and
 * the rest need a walk over the run (seconds for a million completions), so they follow in a second query. A
 * listing that arrives for an older run is dropped. Costs are worked out with the tallies, from the tokens the
 * history kept, at the prices in force. Touch it on the FX thread.
 */
final class RunCells {

    private final HistoryQueries queries;
    private final ObservableList<CellTally> cells = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable RunCosts> costs = new ReadOnlyObjectWrapper<>(this, "costs");
    private final ReadOnlyStringWrapper costTotal = new ReadOnlyStringWrapper(this, "costTotal", "");
    // Bumped at each listing, so the cells of a run no longer selected are not shown.
    private int listing;

    RunCells(HistoryQueries queries) {
        this.queries = queries;
    }

    /** Lists {@code run}'s cells; a null run lists none. */
    void list(@Nullable Run run) {
        int query = ++listing;
        cells.clear();
        costs.set(null);
        costTotal.set("");
        if (run != null) {
            queries.ask(store -> Priced.of(store, run.id()), priced -> {
                if (query == listing) {
                    // Costs first: the cost column reads them when the rows appear.
                    costs.set(priced.costs());
                    String total = priced.costs().totalText(priced.tallies());
                    costTotal.set(Character.toUpperCase(total.charAt(0)) + total.substring(1));
                    cells.setAll(priced.tallies());
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

    /** What the listed run's cells cost at the prices in force; null until listed. */
    ReadOnlyObjectProperty<@Nullable RunCosts> costsProperty() {
        return costs.getReadOnlyProperty();
    }

    /** The listed run's cost line, e.g. "Cost: $0.12 from the reported usage at the prices checked …". */
    ReadOnlyStringProperty costTotalProperty() {
        return costTotal.getReadOnlyProperty();
    }

    /** A run's tallies and their costs, at the shipped prices with the user's and the workspace's over them. */
    private record Priced(List<CellTally> tallies, RunCosts costs) {
        static Priced of(HistoryStore store, String runId) {
            List<CellTally> tallies = store.cellTallies(runId);
            // The workspace's prices.json sits beside its history.
            PriceTable table = PriceTable.forUser(store.file().toAbsolutePath().getParent());
            return new Priced(tallies, RunCosts.of(table, tallies));
        }
    }
}
