// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.FigureOrder;
import dev.rationale.app.fx.SortedRows;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.grading.ScoreSummary;
import dev.rationale.core.grading.ScoreText;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ThinkingFigures;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.jspecify.annotations.Nullable;

/**
 * The grid of an evaluation's scores: one row per variant and model, with accuracy and interval, the likelihood
 * columns of multiple-choice cases (shown only when there were any), the paired comparison with the baseline
 * variant, counts, vote share, answer probability, thinking and cost.
 */
final class ScoreGrid extends TableView<CellMetrics> {
    private static final String BETTER = "evaluate-significant-better";
    private static final String WORSE = "evaluate-significant-worse";

    private final CaseListViewModel cases;
    private final Supplier<@Nullable EvalPlan> plan;

    ScoreGrid(EvaluateViewModel viewModel) {
        SortedRows.show(this, viewModel.getCells());
        this.cases = viewModel.getCases();
        this.plan = viewModel::getPlan;
        setId("evaluate-grid");
        setPlaceholder(new Label("Scores appear here when an evaluation ends."));
        getColumns().add(column("Variant", (CellMetrics cell) -> labelOf(cell.variant()), 220));
        getColumns().add(column("Model", CellMetrics::target, 160));
        getColumns().add(column("Accuracy", cell -> percent(cell.accuracy()), 80));
        getColumns().add(column("95% interval", cell -> cell.accuracy() == null ? "" : "["
                + percent(cell.interval().low()) + ", " + percent(cell.interval().high()) + "]", 130));
        getColumns().add(scoreColumn());
        getColumns().add(likelihoodColumn("Likelihood", LikelihoodEntry::raw,
                "Accuracy of the option the model finds most likely after the prompt (95% interval)"));
        getColumns().add(likelihoodColumn("Per token", LikelihoodEntry::perToken,
                "Accuracy of the option most likely per token, so long options are not punished (95% interval)"));
        getColumns().add(pairedColumn(viewModel.getBaseline()));
        getColumns().add(column("Correct", cell -> String.valueOf(cell.correct()), 70));
        getColumns().add(column("Wrong", cell -> String.valueOf(cell.wrong()), 70));
        getColumns().add(column("Failed", cell -> String.valueOf(cell.failed()), 70));
        getColumns().add(costColumn(viewModel));
        getColumns().add(column("Vote share", cell -> percent(cell.meanVoteShare()), 90));
        getColumns().add(column("Answer p", cell -> percent(cell.meanAnswerProbability()), 80));
        getColumns().addAll(AtKColumns.of(CellMetrics::atK));
        getColumns().add(thinkingColumn());
    }

    /** What the cell cost: the provider's reported tokens at the price table's prices; "—" without a price. */
    private static TableColumn<CellMetrics, String> costColumn(EvaluateViewModel viewModel) {
        return explained(column("", cell -> {
            TargetPrices prices = viewModel.pricesProperty().get();
            return prices == null ? CostText.UNKNOWN : prices.costText(cell);
        }, 90), "Cost", "Dollars for the tokens the provider reported, at the prices of prices.json (shipped, checked"
                + " on a stated day; yours override it). — where the model has no price.", "evaluate-grid-cost");
    }

    /**
     * The cell's scores under an answer format that scores: the mean score, corpus chrF and BLEU, a judge's
     * agreement with exact match; shown only for such a task.
     */
    private TableColumn<CellMetrics, String> scoreColumn() {
        TableColumn<CellMetrics, String> column = explained(column("", cell -> {
            EvalPlan shown = plan.get();
            ScoreSummary scores = cell.scores();
            return shown == null || scores == null ? "–" : ScoreText.cell(scores, shown.task().effectiveAnswer());
        }, 220), "Score", "The mean score of the graded answers on the grader's scale: chrF (with corpus chrF and"
                + " BLEU over the cell's answers), the judge's score (with Cohen's kappa against exact match where"
                + " cases have expected answers), or the share of tests passed. Accuracy counts the answers that"
                + " reach the threshold.", "evaluate-grid-score");
        column.visibleProperty().bind(Bindings.createBooleanBinding(() -> getItems().stream()
                .anyMatch(cell -> cell.scores() != null), getItems()));
        return column;
    }

    /** Thinking tokens summed over the cell, and the mean thinking time of its samples; "–" without thinking. */
    private static TableColumn<CellMetrics, String> thinkingColumn() {
        return explained(column("", cell -> {
            String figures = ThinkingFigures.of(cell.thinkingTokens(), cell.meanThinkingMillis());
            return figures.isEmpty() ? "–" : figures;
        }, 150), "Thinking", "Tokens spent thinking, where the backend counts them, and the mean thinking time per"
                + " sample. Thinking is never graded.", "evaluate-grid-thinking");
    }

    /** {@code column} under a header whose tooltip says what its figures are. */
    private static TableColumn<CellMetrics, String> explained(TableColumn<CellMetrics, String> column, String title,
            String explanation, String id) {
        Label header = new Label(title);
        header.setTooltip(new Tooltip(explanation));
        column.setGraphic(header);
        column.setId(id);
        return column;
    }

    private String labelOf(String variantId) {
        EvalPlan shown = plan.get();
        return shown == null ? variantId : shown.variants().stream().filter(v -> variantId.equals(v.id()))
                .map(Variant::effectiveLabel).findFirst().orElse(variantId);
    }

    private static String percent(@Nullable Double value) {
        return LikelihoodEntry.percent(value);
    }

    /** A likelihood column: shown only after an evaluation with multiple-choice cases; its tooltip says why "–". */
    private TableColumn<CellMetrics, LikelihoodEntry> likelihoodColumn(String title,
            Function<LikelihoodEntry, String> text, String explanation) {
        TableColumn<CellMetrics, LikelihoodEntry> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(explanation));
        column.setGraphic(header);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(cases.likelihoodOf(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable LikelihoodEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : text.apply(entry));
                setTooltip(empty || entry == null || entry.tooltip().isEmpty() ? null : new Tooltip(entry.tooltip()));
            }
        });
        column.setPrefWidth(140);
        column.visibleProperty().bind(Bindings.createBooleanBinding(() -> !cases.likelihoodProperty().get()
                .isEmpty(), cases.likelihoodProperty()));
        return column;
    }

    /** Each row against the baseline on the same model; recomputed when the baseline or the report changes. */
    private static TableColumn<CellMetrics, PairedText> pairedColumn(BaselineViewModel baseline) {
        TableColumn<CellMetrics, PairedText> column = new TableColumn<>();
        Label header = new Label("vs baseline");
        header.setTooltip(new Tooltip("Against the baseline on the same cases and model: the difference in points"
                + " · McNemar's exact p; * and colour mark p < 0.05. A cell's tooltip adds the paired bootstrap 95%"
                + " interval and the cases only the baseline / only this variant got right."));
        column.setGraphic(header);
        column.setId("evaluate-paired-column");
        column.setCellValueFactory(row -> Bindings.createObjectBinding(() -> baseline.textOf(row.getValue()
                .variant(), row.getValue().target()), baseline.comparisonsProperty(), baseline.baselineProperty()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable PairedText paired, boolean empty) {
                super.updateItem(paired, empty);
                getStyleClass().removeAll(BETTER, WORSE);
                setText(empty || paired == null ? null : paired.text());
                setTooltip(empty || paired == null || paired.tooltip().isEmpty() ? null
                        : new Tooltip(paired.tooltip()));
                if (!empty && paired != null && paired.mark() != PairedText.Mark.NONE) {
                    getStyleClass().add(paired.mark() == PairedText.Mark.BETTER ? BETTER : WORSE);
                }
            }
        });
        // Wide enough for the longest text in bold, e.g. "+100.0 · p <0.001 *"; the interval is in the tooltip.
        column.setPrefWidth(180);
        return column;
    }

    /** A column of text made from each row, for this grid and the case list. */
    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setComparator(FigureOrder.INSTANCE);
        return column;
    }
}
