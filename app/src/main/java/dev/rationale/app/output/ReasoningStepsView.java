// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.fx.NextFrame;
import dev.rationale.core.analysis.Confidence;
import dev.rationale.core.analysis.Passage;
import dev.rationale.core.analysis.ReasoningChain;
import dev.rationale.core.analysis.TokenHeat;
import java.util.stream.IntStream;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The reasoning chain beside the heat map: once the run ended, the chain split into steps (which chain, for a
 * thinking model, {@link ShownSteps} decides; the view model finds them off the FX thread), each with the mean and
 * the lowest probability of its tokens, so a shaky step stands out. Right-click a step to resample from it, or from
 * every step. Build and use on the FX thread.
 */
final class ReasoningStepsView extends BorderPane {

    private static final double BAR_WIDTH = 60;

    private final OutputViewModel viewModel;
    private final ListView<Passage> steps = new ListView<>();
    private final Label header = new Label("Reasoning");
    private final Label placeholder = new Label();
    private final NextFrame frame = new NextFrame();

    ReasoningStepsView(OutputViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        viewModel.stateProperty().addListener((obs, old, now) -> {
            if (now.isRunning()) {
                frame.cancel();
                steps.getItems().clear();
                placeholder.setText("The steps appear when the run ends.");
            } else if (steps.getItems().isEmpty() && viewModel.getAnswerFormat() != null) {
                // The view model is finding them; a long answer takes a moment.
                placeholder.setText("Finding the steps…");
            }
        });
        // Found off the FX thread once the run ended, or a completion is shown (even after another, in one state).
        viewModel.shownStepsProperty().addListener((obs, old, now) -> {
            if (now != null) {
                // In a frame of its own: the steps come as a run ends, and sizing the list in the frame that ends
                // it (the last tokens, the statistics, the grade) made that frame twice as long.
                frame.schedule(() -> show(now));
            } else {
                frame.cancel();
            }
        });
        // While it streams the thinking is only in its folded pane, not echoed here: it is shown once.
        viewModel.reasoningProperty().addListener((obs, old, now) -> {
            if (viewModel.getState().isRunning()) {
                placeholder.setText(now.isEmpty() ? "The steps appear when the run ends."
                        : "Thinking… the steps appear when the run ends.");
            }
        });
    }

    private void createView() {
        getStyleClass().add("reasoning-steps");
        header.getStyleClass().add("reasoning-steps-header");
        steps.setId("output-steps");
        steps.getStyleClass().add("reasoning-steps-list");
        steps.setCellFactory(list -> new StepCell());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("reasoning-steps-placeholder");
        steps.setPlaceholder(placeholder);
        steps.setContextMenu(createResampleMenu());
        placeholder.setText("Run a prompt to see its reasoning steps.");
        setTop(header);
        setCenter(steps);
    }

    // Right-clicking a step selects it; the menu continues from the selected step, or from every step.
    private ContextMenu createResampleMenu() {
        ResampleViewModel resample = viewModel.getResample();
        MenuItem fromStep = new MenuItem();
        fromStep.setId("steps-resample-step");
        fromStep.setOnAction(event -> resample.resampleAtStep(steps.getSelectionModel().getSelectedIndex()));
        MenuItem everyStep = new MenuItem();
        everyStep.setId("steps-resample-every-step");
        everyStep.setOnAction(event -> resample.resamplePerStep());
        ContextMenu menu = new ContextMenu(fromStep, everyStep);
        menu.setOnShowing(event -> {
            int k = resample.samplesProperty().get();
            int selected = steps.getSelectionModel().getSelectedIndex();
            fromStep.setText("Resample ×" + k + " from step " + (selected + 1));
            fromStep.setDisable(selected < 0 || !resample.available());
            everyStep.setText("Resample ×" + k + " from every step (which step decided it?)");
            everyStep.setDisable(!resample.available());
        });
        return menu;
    }

    private void show(ShownSteps shown) {
        ReasoningChain chain = shown.chain();
        steps.getItems().setAll(chain.steps());
        int count = chain.steps().size();
        String noun = count == 1 ? " step" : " steps";
        header.setText(count == 0 ? "Reasoning"
                : "Reasoning · " + count + noun
                        + (shown.fromThinking() ? " of the thinking (the answer gives none)" : ""));
        placeholder.setText("No reasoning before the answer.");
    }

    // Concatenated rather than formatted: the list describes each step it measures, and String.format took a third
    // of that in a JVM that had not compiled it yet.
    static String describe(Confidence confidence) {
        return "mean " + Math.round(confidence.mean() * 100) + " % · lowest " + Math.round(confidence.lowest() * 100)
                + " % (\"" + TokenPopup.visible(confidence.lowestText()) + "\")";
    }

    /**
     * A step: its number and text, and under it a bar of its mean probability with the figures. A cell builds its
     * nodes once and refills them, and its text is a {@link Text} wrapped at a width taken from the list's: the
     * list measures several cells to size itself when a run's steps arrive, and in that one frame a label
     * would lay out a step's whole paragraph three or four times per measure, and new nodes would each need
     * styling.
     */
    private static final class StepCell extends ListCell<Passage> {
        // The list's border, the cell's and the step's padding, and a vertical scroll bar: what is left for the text.
        private static final double TEXT_MARGIN = 48;
        // The bar's colour, as the heat legend's swatches have it (themes/base.css).
        private static final PseudoClass[] LEVELS = IntStream.range(0, HeatLevels.COUNT)
                .mapToObj(level -> PseudoClass.getPseudoClass("heat-" + level)).toArray(PseudoClass[]::new);

        private final Text text = new Text();
        private final Region bar = new Region();
        private final Label figures = new Label();
        private final HBox row = new HBox(6, bar, figures);
        private final VBox box = new VBox(text, row);
        private int level = -1;

        StepCell() {
            // Without this a cell asks for its text's full width and the list scrolls sideways instead of wrapping.
            setPrefWidth(0);
            text.getStyleClass().add("reasoning-step-text");
            box.getStyleClass().add("reasoning-step");
            bar.getStyleClass().add("reasoning-step-bar");
            figures.getStyleClass().add("reasoning-step-figures");
            row.setAlignment(Pos.CENTER_LEFT);
            row.managedProperty().bind(row.visibleProperty());
            // An empty cell hides the step rather than dropping it: the list measures its cells through one cell
            // it empties after each measure, and a graphic put back into a cell is styled from scratch. Hidden, not
            // unmanaged: a cell's skin drops an unmanaged graphic from its children and does not take it back.
            setGraphic(box);
            listViewProperty().addListener((obs, old, list) -> {
                text.wrappingWidthProperty().unbind();
                if (list != null) {
                    text.wrappingWidthProperty().bind(list.widthProperty().subtract(TEXT_MARGIN));
                }
            });
        }

        @Override
        protected void updateItem(Passage step, boolean empty) {
            super.updateItem(step, empty);
            setText(null);
            box.setVisible(!empty && step != null);
            if (empty || step == null) {
                text.setText("");
                row.setVisible(false);
                return;
            }
            text.setText((getIndex() + 1) + ". " + step.text().strip());
            Confidence confidence = step.confidence();
            row.setVisible(confidence != null);
            if (confidence != null) {
                // Counted down from the probability's bucket, as the heat map's tokens are: both agree on a
                // boundary.
                showLevel(HeatLevels.COUNT - 1 - TokenHeat.level(confidence.mean(), HeatLevels.COUNT));
                double width = Math.max(2, BAR_WIDTH * confidence.mean());
                bar.setMinWidth(width);
                bar.setMaxWidth(width);
                figures.setText(describe(confidence));
            }
        }

        // A pseudo-class, not a style class per level: a style class changed makes CSS match the bar against every
        // rule again, and the list changes it at each cell it measures.
        private void showLevel(int now) {
            if (now != level) {
                if (level >= 0) {
                    bar.pseudoClassStateChanged(LEVELS[level], false);
                }
                bar.pseudoClassStateChanged(LEVELS[now], true);
                level = now;
            }
        }
    }
}
