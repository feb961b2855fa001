// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.evaluate.AtKColumns;
import dev.rationale.app.fx.SortedRows;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.history.Tally;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/**
 * The selected run's figures per cell: variant, model, completions, accuracy, then pass@1, k, pass@k, maj@k and
 * cons@k in the Evaluate grid's compact form, and the cost of the tokens the history kept. A click on a cell
 * narrows the completions below to it, a second click widens them again; the narrowed cell stays selected while
 * its figures are refreshed.
 */
final class RunCellsTable extends TableView<CellTally> {
    private static final double ROW = 24;
    private static final double HEADER = 30;

    RunCellsTable(ObservableList<CellTally> cells, ObjectProperty<@Nullable CellChoice> choice,
            ReadOnlyObjectProperty<@Nullable RunCosts> costs) {
        SortedRows.show(this, cells);
        setId("history-cells");
        setPlaceholder(new Label("Pick a run to see its figures per variant and model."));
        setTooltip(new Tooltip("Click a variant and model to list only its completions; click it again for all"));
        setRowFactory(table -> {
            TableRow<CellTally> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                CellTally picked = row.getItem();
                if (picked != null) {
                    choice.set(choice.get() != null && choice.get().is(picked) ? null : CellChoice.of(picked));
                }
            });
            return row;
        });
        // The selection shows the choice, which only clicks change: refreshed figures replace the items.
        InvalidationListener select = observable -> showChoice(choice.get());
        choice.addListener(select);
        cells.addListener(select);
        getColumns().add(HistoryView.column("Variant", CellTally::variant, 150));
        getColumns().add(HistoryView.column("Model", cell -> cell.target().model(), 160));
        getColumns().add(HistoryView.column("Completions", cell -> count(cell.tally().total()), 110));
        getColumns().add(HistoryView.column("Correct", cell -> count(cell.tally().correct()), 80));
        getColumns().add(HistoryView.column("Accuracy", cell -> accuracy(cell.tally()), 80));
        getColumns().addAll(AtKColumns.of(CellTally::atK));
        TableColumn<CellTally, String> cost = HistoryView.column("Cost", cell -> costs.get() == null
                ? CostText.UNKNOWN : costs.get().costText(cell), 90);
        cost.setId("history-cells-cost");
        getColumns().add(cost);
        // As tall as its rows, up to four (a run has few cells); the completions below take the rest.
        setFixedCellSize(ROW);
        prefHeightProperty().bind(Bindings.createDoubleBinding(() -> HEADER + ROW * Math.clamp(cells.size(), 1, 4),
                cells));
        setMinHeight(Region.USE_PREF_SIZE);
    }

    private void showChoice(@Nullable CellChoice chosen) {
        CellTally shown = chosen == null ? null : getItems().stream().filter(chosen::is).findFirst().orElse(null);
        if (shown == null) {
            getSelectionModel().clearSelection();
        } else {
            getSelectionModel().select(shown);
        }
    }

    private static String count(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String accuracy(Tally tally) {
        return tally.accuracy() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", tally.accuracy() * 100);
    }
}
