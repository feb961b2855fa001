// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.analysis.AnswerAgreement;
import dev.rationale.core.analysis.ResampleTally;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Beside the original answer: "Resample ×K" with K to choose, progress and Cancel while it runs, then the answers
 * the continuations reached as a bar list (the original answer's bar marked), or, for every step of the chain, the
 * share of continuations that kept the original answer per step, the step that decided it marked. Hidden until a
 * run started here has ended. Build and use on the FX thread.
 */
final class ResampleView extends VBox {

    private static final double BAR_WIDTH = 140;
    /** A step must raise the kept share by this much to be called the one that decided the answer. */
    private static final double DECIDING_RISE = 0.25;

    private final ResampleViewModel viewModel;
    private final OutputViewModel output;
    private final Label heading = new Label();
    private final Label message = new Label();
    private final Label summary = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Button everyStep = new Button();
    private final VBox bars = new VBox();
    private final boolean compact;

    /** @param compact in a narrow Compare column: no hint while idle, so the steps above keep their room */
    ResampleView(OutputViewModel output, boolean compact) {
        this.output = output;
        this.compact = compact;
        this.viewModel = output.getResample();
        createView();
        initListeners();
        refresh();
    }

    private void createView() {
        setId("resample-view");
        getStyleClass().add("resample-view");
        Label title = new Label("Resample");
        title.getStyleClass().add("resample-title");
        Spinner<Integer> samples = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                ResampleViewModel.MAX_SAMPLES, viewModel.samplesProperty().get()));
        samples.setId("resample-samples");
        samples.setEditable(true);
        samples.setPrefWidth(80);
        samples.setTooltip(new Tooltip("K: continuations per point"));
        samples.valueProperty().addListener((obs, old, now) -> viewModel.samplesProperty().set(now));
        viewModel.samplesProperty().addListener((obs, old, now) -> samples.getValueFactory().setValue(now.intValue()));
        everyStep.setId("resample-every-step");
        everyStep.getStyleClass().add("resample-every-step");
        everyStep.setTooltip(new Tooltip("Continue from the start of every reasoning step: which step decided the"
                + " answer?"));
        everyStep.setOnAction(event -> viewModel.resamplePerStep());
        cancel.setId("resample-cancel");
        cancel.setOnAction(event -> viewModel.cancel());
        progress.setId("resample-progress");
        progress.setPrefWidth(90);
        heading.setId("resample-heading");
        heading.getStyleClass().add("resample-heading");
        title.setMinWidth(Region.USE_PREF_SIZE);
        samples.setMinWidth(Region.USE_PREF_SIZE);
        everyStep.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, title, new Label("×"), samples, everyStep, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        heading.setWrapText(true);
        message.setId("resample-message");
        message.getStyleClass().add("resample-message");
        message.setWrapText(true);
        summary.setId("resample-summary");
        summary.getStyleClass().add("resample-summary");
        summary.setWrapText(true);
        bars.setId("resample-bars");
        bars.getStyleClass().add("resample-bars");
        ScrollPane scroll = new ScrollPane(bars);
        scroll.getStyleClass().add("resample-scroll");
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(170);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.visibleProperty().bind(Bindings.isNotEmpty(viewModel.getRows()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        getChildren().setAll(bar, heading, message, summary, scroll);
    }

    private void initListeners() {
        viewModel.samplesProperty().addListener((obs, old, now) -> refresh());
        viewModel.stateProperty().addListener((obs, old, now) -> refresh());
        viewModel.headingProperty().addListener((obs, old, now) -> refresh());
        viewModel.messageProperty().addListener((obs, old, now) -> refresh());
        viewModel.progressProperty().addListener((obs, old, now) -> progress.setProgress(now.doubleValue()));
        viewModel.getRows().addListener((ListChangeListener<ResampleViewModel.Row>) change -> refresh());
        output.stateProperty().addListener((obs, old, now) -> refresh());
        output.specProperty().addListener((obs, old, now) -> refresh());
    }

    private void refresh() {
        boolean running = viewModel.getState().isRunning();
        boolean shown = running || viewModel.getState() != RunState.IDLE || viewModel.available();
        setVisible(shown);
        setManaged(shown);
        everyStep.setText("Every step ×" + viewModel.samplesProperty().get());
        everyStep.setDisable(running || !viewModel.available());
        progress.setVisible(running);
        progress.setManaged(running);
        cancel.setVisible(running);
        cancel.setManaged(running);
        heading.setText(viewModel.headingProperty().get());
        heading.setVisible(!heading.getText().isEmpty());
        heading.setManaged(heading.isVisible());
        String said = viewModel.messageProperty().get();
        if (said.isEmpty() && viewModel.getState() == RunState.IDLE && !compact) {
            said = "Continue the answer K times from a token (its popup) or a step (right-click it): does the answer"
                    + " flip?";
        }
        message.setText(said);
        message.setVisible(!said.isEmpty());
        message.setManaged(!said.isEmpty());
        showRows(viewModel.getRows());
    }

    private void showRows(List<ResampleViewModel.Row> rows) {
        summary.setText("");
        if (rows.isEmpty()) {
            bars.getChildren().clear();
            return;
        }
        if (viewModel.perStepProperty().get()) {
            showSteps(rows);
        } else {
            showAnswers(rows.getFirst().tally());
        }
    }

    // One point: a bar per answer, the original's marked.
    private void showAnswers(ResampleTally tally) {
        String original = tally.original();
        AnswerAgreement distribution = tally.distribution();
        bars.getChildren().clear();
        for (AnswerAgreement.Vote vote : distribution.votes()) {
            boolean same = tally.isOriginal(vote);
            bars.getChildren().add(row(vote.answer(), vote.share(), vote.count() + " · " + percent(vote.share()),
                    same ? "resample-bar-original" : "resample-bar-other", same ? "original" : null));
        }
        if (distribution.missing() > 0) {
            double share = distribution.missingShare();
            bars.getChildren().add(row("(no answer)", share, distribution.missing() + " · " + percent(share),
                    original == null ? "resample-bar-original" : "resample-bar-missing",
                    original == null ? "original" : null));
        }
        summary.setText("Kept the original answer" + (original == null ? " (none)" : " \"" + original + "\"") + ": "
                + tally.kept() + " of " + tally.samples() + " (" + percent(tally.keptShare()) + ")"
                + (tally.flips() ? " · the answer can flip here" : " · it never flipped"));
    }

    // Every step: the share kept per step, the deciding step marked.
    private void showSteps(List<ResampleViewModel.Row> rows) {
        List<ResampleTally> tallies = rows.stream().map(ResampleViewModel.Row::tally).toList();
        int deciding = viewModel.getState() == RunState.COMPLETED
                ? ResampleTally.decidingStep(tallies, DECIDING_RISE) : -1;
        bars.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            ResampleTally tally = tallies.get(i);
            String label = rows.get(i).point().label();
            Node row = row(Character.toUpperCase(label.charAt(0)) + label.substring(1),
                    tally.keptShare(), percent(tally.keptShare()) + " kept (" + tally.kept() + "/" + tally.samples()
                    + ")", i == deciding ? "resample-bar-deciding" : "resample-bar-step",
                    i == deciding ? "decided here" : null);
            Tooltip.install(row, new Tooltip("Continued from: …" + tail(rows.get(i).point().before())));
            bars.getChildren().add(row);
        }
        summary.setText("Share of continuations from the start of each step that keep the original answer"
                + (deciding >= 0 ? "; the rise after " + rows.get(deciding).point().label() + " says it decided it."
                : "."));
    }

    private static Node row(String name, double share, String figures, String style, @Nullable String mark) {
        Label label = new Label(name);
        label.getStyleClass().add("resample-answer");
        label.setMinWidth(90);
        label.setPrefWidth(110);
        label.setMaxWidth(160);
        Region bar = new Region();
        bar.getStyleClass().addAll("resample-bar", style);
        double width = Math.max(2, BAR_WIDTH * share);
        bar.setMinWidth(width);
        bar.setMaxWidth(width);
        Region rest = new Region();
        rest.getStyleClass().add("resample-bar-rest");
        rest.setMinWidth(BAR_WIDTH - width);
        rest.setMaxWidth(BAR_WIDTH - width);
        Label value = new Label(figures);
        value.getStyleClass().add("resample-figures");
        HBox row = new HBox(6, label, new HBox(bar, rest), value);
        row.getStyleClass().add("resample-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (mark != null) {
            Label tag = new Label(mark);
            tag.getStyleClass().add("resample-mark");
            row.getChildren().add(tag);
        }
        return row;
    }

    // The last words before a point, on one line.
    private static String tail(String before) {
        String flat = before.replace('\n', ' ').strip();
        return flat.length() <= 80 ? flat : flat.substring(flat.length() - 80);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
