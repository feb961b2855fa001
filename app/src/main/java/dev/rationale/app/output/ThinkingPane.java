// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;

/**
 * The model's thinking, apart from the answer and folded away until asked for; shown only when the model or
 * server kept it apart. Its title counts its tokens and time.
 *
 * <p>Its text follows the view model's reasoning only while someone can read it: when unfolded (or when the
 * reasoning is cleared for the next run). A text area lays out its whole text on every change, even folded, so
 * following a long thinking that streams at thousands of tokens a second would cost a layout of all of it every
 * frame, and setting it whole as the run ends a frame of its own, for nothing on screen.
 * Build and use on the FX thread.
 */
final class ThinkingPane extends TitledPane {

    private final OutputViewModel viewModel;
    private final TextArea text = new TextArea();

    ThinkingPane(OutputViewModel viewModel, boolean column) {
        this.viewModel = viewModel;
        createView(column);
        initListeners();
        follow();
    }

    private void createView(boolean column) {
        text.setId("output-thinking");
        text.getStyleClass().add("output-thinking");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(column ? 4 : 5);
        textProperty().bind(viewModel.thinkingTitleProperty());
        setContent(text);
        setId("output-thinking-pane");
        getStyleClass().add("output-thinking-pane");
        setExpanded(false);
        setAnimated(false);
        visibleProperty().bind(viewModel.reasoningProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private void initListeners() {
        viewModel.reasoningProperty().addListener((obs, old, now) -> follow());
        viewModel.stateProperty().addListener((obs, old, now) -> follow());
        expandedProperty().addListener((obs, old, now) -> follow());
    }

    private void follow() {
        String reasoning = viewModel.getReasoning();
        if (isExpanded() || reasoning.isEmpty()) {
            if (!reasoning.equals(text.getText())) {
                text.setText(reasoning);
            }
        }
    }
}
