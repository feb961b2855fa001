// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.clusters.ClusterPane;
import dev.rationale.app.fx.SortedRows;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.eval.CaseIdOrder;
import dev.rationale.core.eval.CasePage;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
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
    private final ObservableList<CaseResult> rows = FXCollections.observableArrayList();
    private final ClusterPane clusters;
    private final ObservableValue<CellMetrics> cell;
    private final Label pageText = new Label();
    private final Button previous = new Button("Previous cases");
    private final Button next = new Button("Next cases");
    private final HBox pager = new HBox(8, previous, pageText, next);

    /**
     * @param cell the grid's selected cell, whose cases are listed
     * @param open shows the completions of a case opened from the list (one sample or several)
     */
    CaseListView(CaseListViewModel viewModel, ObservableValue<CellMetrics> cell,
            Consumer<List<FinishedCompletion>> open) {
        this.viewModel = viewModel;
        this.open = open;
        this.clusters = new ClusterPane(viewModel.getClusters());
        this.cell = cell;
        createView();
        cell.addListener((obs, old, now) -> showCases());
        viewModel.pageProperty().addListener((obs, old, now) -> showCases());
        cases.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.select(now));
    }

    private void createView() {
        cases.setId("evaluate-cases");
        SortedRows.show(cases, rows);
        cases.setPlaceholder(new Label("Pick a row of the grid to list its cases."));
        // Narrow enough that Vote share is read whole beside the clusters at the default window size.
        TableColumn<CaseResult, String> caseId = ScoreGrid.column("Case", r -> r.key().testCase(), 64);
        // Unsorted, the list is in the plan's order; sorted by Case, c2 comes before c10.
        caseId.setComparator(CaseIdOrder.NATURAL);
        cases.getColumns().add(caseId);
        cases.getColumns().add(ScoreGrid.column("Outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT), 80));
        cases.getColumns().add(ScoreGrid.column("Answer", r -> r.answer() == null ? "–" : r.answer(), 80));
        cases.getColumns().add(ScoreGrid.column("Expected", r -> r.expected() == null ? "" : r.expected(), 80));
        cases.getColumns().add(ScoreGrid.column("Score", viewModel::scoreOf, 64));
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
        previous.setOnAction(event -> turn(-1));
        next.setOnAction(event -> turn(1));
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setVisible(false);
        pager.setManaged(false);
        VBox list = new VBox(4, cases, pager, hint);
        VBox.setVgrow(cases, Priority.ALWAYS);
        getItems().addAll(list, clusters);
        setDividerPositions(0.38);
    }

    private void showCases() {
        CellMetrics now = cell.getValue();
        rows.setAll(now == null ? List.of() : viewModel.casesOf(now));
        CasePage page = viewModel.pageProperty().get();
        boolean paged = page != null && page.total() > CaseListViewModel.PAGE;
        pager.setVisible(paged);
        pager.setManaged(paged);
        if (page != null) {
            int last = Math.min(page.total(), page.from() + CaseListViewModel.PAGE);
            pageText.setText(String.format(Locale.ROOT, "cases %,d–%,d of %,d", page.from() + 1, last, page.total()));
            previous.setDisable(page.from() == 0);
            next.setDisable(last >= page.total());
        }
    }

    private void turn(int by) {
        CasePage page = viewModel.pageProperty().get();
        if (page != null) {
            viewModel.showPage(page.from() / CaseListViewModel.PAGE + by);
        }
    }
}
