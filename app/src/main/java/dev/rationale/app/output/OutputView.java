// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.analysis.TokenHeat.Measure;
import dev.rationale.core.analysis.TokenHeat;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.grading.ScoreText;
import dev.rationale.core.provider.ScoredToken;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * One run's output: a bar with the heat measure switch and its legend, the token heat map beside the reasoning
 * steps, and under them the extracted answer with its verdict, the timings and usage, notices, any failure and the
 * request as sent (folded), with "Resample ×K" and its results beside them; for a run of several samples, their
 * answer clusters under the heat map (see {@link ClustersSection}). A completion shown again from an
 * evaluation or the history is headed by where it came from.
 * Used alone in the Output tab and once per column in Compare. Build and use on the FX thread.
 */
public final class OutputView extends BorderPane {

    private final OutputViewModel viewModel;
    private final TokenPopup popup = new TokenPopup();
    private final ObjectProperty<Measure> measure;
    private final HeatMapView heatMap;
    private final ReasoningStepsView steps;
    private final Label answer = new Label();
    private final Label verdict = new Label();
    private final Label gradingNote = new Label();
    private final Label statistics = new Label();
    private final Label cost = new Label();
    private final Label notices = new Label();
    private final Label unscored = new Label();
    private final ResampleView resample;

    private final boolean column;

    /**
     * @param measure the heat measure, shared by all columns of a Compare view
     * @param column laid out as a narrow Compare column: steps under the heat map, no measure bar
     */
    public OutputView(OutputViewModel viewModel, ObjectProperty<Measure> measure, boolean column) {
        this.viewModel = viewModel;
        this.measure = measure;
        this.column = column;
        ObservableValue<ToIntFunction<ScoredToken>> levels = Bindings.createObjectBinding(
                () -> levelsBy(measure.get()), measure);
        this.heatMap = new HeatMapView(viewModel, levels, popup);
        this.steps = new ReasoningStepsView(viewModel);
        this.resample = new ResampleView(viewModel, column);
        popup.setResampleAction(resampleAction(viewModel.getResample()));
        createView();
        initListeners();
    }

    public OutputView(OutputViewModel viewModel) {
        this(viewModel, new SimpleObjectProperty<>(Measure.PROBABILITY), false);
    }

    /** A token's heat level by {@code measure}, -1 for a token without a probability. */
    static ToIntFunction<ScoredToken> levelsBy(Measure measure) {
        return token -> {
            Integer level = TokenHeat.heatLevel(token, measure, HeatLevels.COUNT);
            return level == null ? -1 : level;
        };
    }

    public HeatMapView heatMap() {
        return heatMap;
    }

    public TokenPopup popup() {
        return popup;
    }

    public OutputViewModel viewModel() {
        return viewModel;
    }

    private void createView() {
        getStyleClass().add("output-view");
        HBox heatBar = createHeatBar();
        SplitPane split = new SplitPane(heatMap, steps);
        split.setOrientation(column ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        split.setDividerPositions(column ? 0.6 : 0.62);
        if (!column) {
            setTop(new VBox(createOrigin(), heatBar));
            // A Compare column is one sample; the clusters of a run's samples are for Output's full width.
            ClustersSection clusters = new ClustersSection(viewModel.getClusters(), split);
            heatBar.getChildren().add(2, clusters.toggle());
            setCenter(clusters.node());
        } else {
            heatBar.getChildren().remove(unscored);
            setCenter(split);
        }
        setBottom(createAnswerBar());
    }

    /** Where a finished completion shown here came from; hidden for a run started here. */
    private Label createOrigin() {
        Label origin = new Label();
        origin.setId("output-origin");
        origin.getStyleClass().add("output-origin");
        origin.setWrapText(true);
        origin.textProperty().bind(viewModel.getSource().originProperty());
        origin.visibleProperty().bind(viewModel.getSource().originProperty().isNotEmpty());
        origin.managedProperty().bind(origin.visibleProperty());
        return origin;
    }

    /** The request as sent, folded away until asked for. */
    private TitledPane createRequest() {
        TextArea text = new TextArea();
        text.setId("output-request");
        text.getStyleClass().add("output-request");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.textProperty().bind(viewModel.getSource().requestProperty());
        TitledPane pane = new TitledPane("Request as sent", text);
        pane.setId("output-request-pane");
        pane.getStyleClass().add("output-request-pane");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.visibleProperty().bind(viewModel.getSource().requestProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private HBox createHeatBar() {
        ToggleGroup group = new ToggleGroup();
        HBox switches = new HBox();
        switches.getStyleClass().add("output-measure-switch");
        for (Measure each : Measure.values()) {
            ToggleButton button = new ToggleButton(each == Measure.PROBABILITY ? "Probability" : "Entropy");
            button.setId("output-measure-" + each.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(each);
            button.setToggleGroup(group);
            button.setSelected(each == measure.get());
            switches.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                measure.set((Measure) now.getUserData());
            }
        });
        measure.addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        unscored.getStyleClass().add("output-unscored");
        unscored.setId("output-unscored");
        unscored.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(switches, new HeatLegend(measure), spacer, unscored);
        bar.getStyleClass().add("output-heat-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Pane createAnswerBar() {
        answer.setId("output-answer");
        answer.getStyleClass().add("output-answer");
        verdict.setId("output-verdict");
        verdict.getStyleClass().add("output-verdict");
        // A long answer (a translation, code) is cut short; the verdict beside it is always read whole.
        answer.setMinWidth(0);
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Label answerTitle = new Label("Answer");
        answerTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox answerRow = new HBox(answerTitle, answer, verdict);
        answerRow.getStyleClass().add("output-answer-row");
        answerRow.setAlignment(Pos.BASELINE_LEFT);
        statistics.setId("output-statistics");
        statistics.getStyleClass().add("output-statistics");
        statistics.textProperty().bind(viewModel.statisticsProperty());
        // With thinking figures the line outgrows the answer bar; wrapped, its end is read instead of cut off.
        statistics.setWrapText(true);
        cost.setId("output-cost");
        cost.getStyleClass().add("output-statistics");
        cost.textProperty().bind(viewModel.costProperty());
        notices.setId("output-notices");
        notices.getStyleClass().add("output-notices");
        notices.setWrapText(true);
        Label failure = new Label();
        failure.setId("output-failure");
        failure.getStyleClass().add("output-failure");
        failure.setWrapText(true);
        failure.textProperty().bind(viewModel.failureProperty());
        failure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        gradingNote.setId("output-grading-note");
        gradingNote.getStyleClass().add("output-grading-note");
        gradingNote.setWrapText(true);
        gradingNote.managedProperty().bind(gradingNote.visibleProperty());
        gradingNote.setVisible(false);
        VBox box = new VBox(new ThinkingPane(viewModel, column), answerRow, gradingNote, failure, notices, statistics,
                cost, createRequest());
        if (column) {
            box.getChildren().add(unscored);
        }
        box.setSpacing(4);
        // Beside the answer where there is room, under it in a narrow Compare column.
        Pane answerAndResample = column ? new VBox(box, resample) : new HBox(box, resample);
        resample.getStyleClass().add(column ? "resample-under" : "resample-beside");
        HBox.setHgrow(box, Priority.ALWAYS);
        answerAndResample.getStyleClass().add("output-answer-bar");
        return answerAndResample;
    }

    private static TokenPopup.ResampleAction resampleAction(ResampleViewModel resample) {
        return new TokenPopup.ResampleAction() {
            @Override
            public boolean available() {
                return resample.available();
            }

            @Override
            public int samples() {
                return resample.samplesProperty().get();
            }

            @Override
            public void resample(int tokenIndex) {
                resample.resampleAtToken(tokenIndex);
            }
        };
    }

    private void initListeners() {
        viewModel.gradeProperty().addListener((obs, old, now) -> showGrade(now));
        viewModel.stateProperty().addListener((obs, old, now) -> {
            if (now == RunState.RUNNING) {
                answer.setText("…");
                verdict.setText("");
                verdict.getStyleClass().removeAll("output-verdict-correct", "output-verdict-wrong");
            }
            updateUnscored();
        });
        viewModel.getNotices().addListener((ListChangeListener<String>) change ->
                notices.setText(String.join("\n", viewModel.getNotices())));
        viewModel.getTokens().addListener((ListChangeListener<ScoredToken>) change -> updateUnscored());
        viewModel.finishedProperty().addListener((obs, old, now) -> updateUnscored());
    }

    private void showGrade(@Nullable Grade grade) {
        verdict.getStyleClass().removeAll("output-verdict-correct", "output-verdict-wrong");
        gradingNote.setVisible(false);
        if (grade == null) {
            answer.setText("");
            verdict.setText("");
            return;
        }
        answer.setText(grade.extracted() == null ? "no answer found" : grade.extracted());
        GradeDetail detail = grade.detail();
        AnswerFormat format = viewModel.getAnswerFormat();
        if (detail != null && format != null) {
            showScore(grade, detail, format);
            return;
        }
        String expected = viewModel.getExpected();
        switch (grade.verdict()) {
            case CORRECT -> {
                verdict.setText("✓ matches the expected " + expected);
                verdict.getStyleClass().add("output-verdict-correct");
            }
            case WRONG -> {
                verdict.setText("✗ expected " + expected);
                verdict.getStyleClass().add("output-verdict-wrong");
            }
            case NO_ANSWER -> verdict.setText(expected == null ? "" : "expected " + expected);
            case UNGRADED -> verdict.setText(expected == null ? "no expected answer to compare" : "");
        }
    }

    // A score says what it is and what passes; the judge's reason or the first failing test goes under it.
    private void showScore(Grade grade, GradeDetail detail, AnswerFormat format) {
        String text = ScoreText.of(detail, format);
        switch (grade.verdict()) {
            case CORRECT -> {
                verdict.setText("✓ " + text);
                verdict.getStyleClass().add("output-verdict-correct");
            }
            case WRONG -> {
                verdict.setText("✗ " + text);
                verdict.getStyleClass().add("output-verdict-wrong");
            }
            default -> verdict.setText(text);
        }
        boolean why = detail.scored() && detail.note() != null && !detail.note().isBlank();
        gradingNote.setText(why ? detail.note() : "");
        gradingNote.setVisible(why);
    }

    /** Says why there are no colours once text has arrived without scored tokens. */
    private void updateUnscored() {
        boolean textWithoutScores = viewModel.getTokens().isEmpty() && viewModel.getState() != RunState.IDLE
                && viewModel.getState() != RunState.RUNNING;
        RunSpec spec = viewModel.getSpec();
        if (textWithoutScores && viewModel.getFinished() != null) {
            unscored.setText("No colours: no token probabilities were kept for this completion.");
            return;
        }
        if (!textWithoutScores || spec == null) {
            unscored.setText("");
            return;
        }
        boolean asked = spec.request().logprobs();
        unscored.setText(!spec.provider().capabilities().logprobs()
                ? "No colours: " + spec.provider().kind().id() + " gives no token probabilities."
                : asked ? "No colours: the server sent no token probabilities."
                : "No colours: token probabilities were not requested (set top-k logprobs).");
    }
}
