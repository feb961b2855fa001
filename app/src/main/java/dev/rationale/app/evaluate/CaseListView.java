// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.clusters.ClusterPane;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The cases of the grid's selected cell; picking one shows its samples' answer clusters and aligned chains,
 * double-clicking it (or Enter) opens its completions. Binds to {@link CaseListViewModel}.
 */
final class CaseListView extends SplitPane {

    private final CaseListViewModel viewModel;
    private final Consumer<List<FinishedCompletion>> open;
    private final TableView<CaseResult> cases = new TableView<>();
    private final ClusterPane clusters;

    /**
     * @param cell the grid's selected cell, whose cases are listed
     * @param open shows the completions of a case opened from the list (one sample or several)
     */
    CaseListView(CaseListViewModel viewModel, ObservableValue<CellMetrics> cell,
            Consumer<List<FinishedCompletion>> open) {
        this.viewModel = viewModel;
        this.open = open;
        this.clusters = new ClusterPane(viewModel.getClusters());
        createView();
        cell.addListener((obs, old, now) -> cases.getItems().setAll(now == null ? List.of()
                : viewModel.casesOf(now)));
        cases.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.select(now));
    }

    private void createView() {
        cases.setId("evaluate-cases");
        cases.setPlaceholder(new Label("Pick a row of the grid to list its cases."));
        // Narrow enough that Vote share is read whole beside the clusters at the default window size.
        cases.getColumns().add(ScoreGrid.column("Case", r -> r.key().testCase(), 64));
        cases.getColumns().add(ScoreGrid.column("Outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT), 80));
        cases.getColumns().add(ScoreGrid.column("Answer", r -> r.answer() == null ? "–" : r.answer(), 80));
        cases.getColumns().add(ScoreGrid.column("Expected", r -> r.expected() == null ? "" : r.expected(), 80));
        cases.getColumns().add(ScoreGrid.column("Vote share", r -> LikelihoodEntry.percent(r.voteShare()), 90));
        cases.getColumns().add(ScoreGrid.column("Reason", r -> r.reason() == null ? "" : r.reason(), 240));
        cases.setRowFactory(table -> {
            TableRow<CaseResult> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openCase(row.getItem(), open);
                }
            });
            return row;
        });
        cases.setOnKeyPressed(event -> {
            CaseResult selected = cases.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                event.consume();
                viewModel.openCase(selected, open);
            }
        });
        Label hint = new Label("Double-click a case (or press Enter) to open its completions: one sample in Output, "
                + "several side by side in Compare.");
        hint.getStyleClass().add("evaluate-hint");
        hint.setWrapText(true);
        // Without it the VBox gives the label one line and the wrapped text ends in "…".
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox list = new VBox(4, cases, hint);
        VBox.setVgrow(cases, Priority.ALWAYS);
        getItems().addAll(list, clusters);
        setDividerPositions(0.38);
    }
}
