// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.FigureOrder;
import dev.rationale.core.analysis.AtK;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * The compact pass@k columns of a table of cells: pass@1, k, pass@k, maj@k and cons@k, each header explained. The
 * Evaluate grid and History's run cells both use them, so a cell reads the same in both. The figures are core's
 * ({@link dev.rationale.core.analysis.AtKScores}); nothing is recomputed here. With one sample per case the k
 * columns show "–": they would only repeat pass@1.
 */
public final class AtKColumns {
    private static final String NONE = "–";

    private AtKColumns() {
    }

    /**
     * The five columns, in order.
     *
     * @param atK a row's figures, one per k ascending (empty when none of its cases was graded)
     */
    public static <T> List<TableColumn<T, String>> of(Function<T, List<AtK>> atK) {
        return List.of(
                column("pass@1", row -> first(atK.apply(row)), 72,
                        "The chance that one sample drawn at random is correct (unbiased, over every sample)"),
                column("k", row -> atK.apply(row).size() < 2 ? NONE : String.valueOf(atK.apply(row).getLast().k()),
                        40, "The samples per case the next three columns use: the largest power of 2 every case has"),
                column("pass@k", row -> last(atK.apply(row), AtK::pass), 72,
                        "The chance that at least one of k samples drawn at random is correct"),
                column("maj@k", row -> last(atK.apply(row), AtK::maj), 72,
                        "The majority answer of the first k samples is correct (a tie goes to the answer seen first)"),
                column("cons@k", row -> last(atK.apply(row), AtK::cons), 72,
                        "The majority of k samples drawn at random is correct, averaged over every draw"));
    }

    private static String first(List<AtK> atK) {
        return atK.isEmpty() ? NONE : LikelihoodEntry.percent(atK.getFirst().pass());
    }

    private static String last(List<AtK> atK, ToDoubleFunction<AtK> value) {
        return atK.size() < 2 ? NONE : LikelihoodEntry.percent(value.applyAsDouble(atK.getLast()));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width,
            String explanation) {
        TableColumn<T, String> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(explanation));
        column.setGraphic(header);
        column.setId("at-k-" + title.replace("@", ""));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setComparator(FigureOrder.INSTANCE);
        return column;
    }
}
