// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import static dev.rationale.app.history.HistoryView.column;

import dev.rationale.app.evaluate.PairedText;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.Tally;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Two runs compared: a verdict on which did better and whether significantly, the accuracy of each per variant x
 * model with the difference and the paired comparison of the cases both graded, and the cases whose grade changed.
 * Shows {@link RunComparison}s it is given.
 */
final class RunComparisonPane extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Label verdict = new Label();
    private final Label runA = new Label();
    private final Label runB = new Label();
    private final Label changesTitle = new Label();
    private final TableView<RunComparison.Cell> cells = new TableView<>();
    private final TableView<RunComparison.Change> changes = new TableView<>();

    RunComparisonPane(Runnable close) {
        getStyleClass().add("history-comparison");
        setId("history-comparison");
        createView(close);
    }

    private void createView(Runnable close) {
        verdict.setId("history-verdict");
        verdict.getStyleClass().add("history-verdict");
        verdict.setWrapText(true);
        runA.setId("history-run-a");
        runB.setId("history-run-b");
        Button closeButton = new Button("Close comparison");
        closeButton.setId("history-close-comparison");
        closeButton.setOnAction(event -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(verdict, Priority.SOMETIMES);
        HBox title = new HBox(12, verdict, spacer, closeButton);
        title.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, title, runA, runB);
        header.getStyleClass().add("history-comparison-header");
        setTop(header);
        createCells();
        createChanges();
        changesTitle.getStyleClass().add("history-comparison-title");
        VBox lower = new VBox(4, changesTitle, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        SplitPane split = new SplitPane(cells, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private void createCells() {
        cells.setId("history-comparison-cells");
        cells.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        cells.getColumns().add(column("Variant", RunComparison.Cell::variant, 150));
        // Wide enough for "Embedded engine/stories260K.gguf"; A and B ("62.5% (5/8) [31–86]") need less.
        cells.getColumns().add(column("Model", RunComparison.Cell::target, 250));
        cells.getColumns().add(column("A", cell -> accuracy(cell.inA()), 130));
        cells.getColumns().add(column("B", cell -> accuracy(cell.inB()), 130));
        TableColumn<RunComparison.Cell, String> delta = column("B − A", cell -> RunComparison.points(cell.delta()),
                110);
        delta.setCellFactory(column -> new SignedCell<>(text -> text.startsWith("+") ? "history-better"
                : text.startsWith("-") ? "history-worse" : null));
        cells.getColumns().add(delta);
        TableColumn<RunComparison.Cell, String> paired = column("Paired: B − A [95%] · only A/only B · p",
                cell -> PairedText.of(cell.paired(), "A", "B").text(), 280);
        paired.setCellFactory(column -> new SignedCell<>(text -> !text.endsWith("*") ? null
                : text.startsWith("+") ? "history-better" : "history-worse"));
        cells.getColumns().add(paired);
    }

    private void createChanges() {
        changes.setId("history-comparison-changes");
        changes.setPlaceholder(new Label("No case changed its grade."));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunComparison.Change, String> direction = column("Change",
                change -> change.direction() == RunComparison.Direction.OTHER ? "changed"
                        : change.direction().name().toLowerCase(Locale.ROOT), 80);
        direction.setCellFactory(column -> new SignedCell<>(text -> switch (text) {
            case "fixed" -> "history-better";
            case "broke" -> "history-worse";
            default -> null;
        }));
        changes.getColumns().add(direction);
        changes.getColumns().add(column("Variant", change -> change.position().variant(), 150));
        changes.getColumns().add(column("Model", change -> change.position().target() + "/"
                + change.position().model(), 250));
        changes.getColumns().add(HistoryView.byCaseId(column("Case", change -> change.position().caseId(), 90)));
        changes.getColumns().add(HistoryView.byNumber(column("Sample",
                change -> String.valueOf(change.position().sample() + 1), 60)));
        changes.getColumns().add(column("In A", change -> grade(change.position().inA()), 90));
        changes.getColumns().add(column("In B", change -> grade(change.position().inB()), 90));
    }

    /** Shows {@code comparison}; null empties the pane. */
    void show(@Nullable RunComparison comparison) {
        if (comparison == null) {
            cells.getItems().clear();
            changes.getItems().clear();
            return;
        }
        verdict.setText(comparison.verdict());
        verdict.getStyleClass().removeAll("history-better", "history-worse");
        // Coloured only when the paired difference is significant: an unmarked verdict may be chance.
        if (comparison.paired().significant()) {
            verdict.getStyleClass().add(comparison.paired().better() == PairedComparison.Better.B ? "history-better"
                    : "history-worse");
        }
        runA.setText("A (older): " + describe(comparison.a()));
        runB.setText("B (newer): " + describe(comparison.b()));
        cells.setItems(FXCollections.observableArrayList(comparison.cells()));
        List<RunComparison.Change> changed = comparison.changes();
        changes.setItems(FXCollections.observableArrayList(changed));
        long other = comparison.changed() - comparison.fixed() - comparison.broke();
        String listed = changed.size() < comparison.changed()
                ? String.format(Locale.ROOT, " (the first %,d listed)", changed.size()) : "";
        changesTitle.setText(String.format(Locale.ROOT, "Cases whose grade changed: %,d fixed, %,d broke, %,d other%s",
                comparison.fixed(), comparison.broke(), other, listed));
    }

    private static String describe(Run run) {
        String set = run.promptSetName() == null ? "no prompt set" : run.promptSetName();
        return run.id() + " · " + TIME.format(run.startedAt()) + " · " + (run.task() == null ? set
                : set + " / " + run.task()) + " · " + run.status().id() + " · accuracy "
                + RunComparison.percent(run.tally().accuracy()) + " of " + run.tally().graded() + " graded";
    }

    // e.g. "60.0% (3/5) [31–83]": the counts and interval behind the figure.
    private static String accuracy(Tally tally) {
        if (tally.accuracy() == null) {
            return "–";
        }
        WilsonInterval interval = RunComparison.interval(tally);
        return String.format(Locale.ROOT, "%s (%d/%d) [%.0f–%.0f]", RunComparison.percent(tally.accuracy()),
                tally.correct(), tally.graded(), interval.low() * 100, interval.high() * 100);
    }

    private static String grade(@Nullable Verdict outcome) {
        return outcome == null ? "(not run)" : outcome.id().replace('-', ' ');
    }

    /** A text cell coloured by what its text says: better, worse, or neither. */
    private static final class SignedCell<T> extends TableCell<T, String> {
        private final Function<String, @Nullable String> styleOf;

        SignedCell(Function<String, @Nullable String> styleOf) {
            this.styleOf = styleOf;
        }

        @Override
        protected void updateItem(@Nullable String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("history-better", "history-worse");
            setText(empty || item == null ? null : item);
            String style = empty || item == null ? null : styleOf.apply(item);
            if (style != null) {
                getStyleClass().add(style);
            }
        }
    }
}
