// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live preview: the exact prompt in a read-only monospace area, with its kind and token count, and above it what
 * was adapted for the run bar's backend and model.
 */
final class PreviewPane extends VBox {
    private final PromptPreview preview;
    private final TextArea text = new TextArea();
    private final Label summary = new Label();
    private final Label tokens = new Label();
    private final Label adaptation = new Label();

    PreviewPane(PromptPreview preview) {
        this.preview = preview;
        createView();
        initListeners();
    }

    private void createView() {
        text.setId("compose-preview");
        text.getStyleClass().add(Styles.COMPOSE_PREVIEW);
        text.setEditable(false);
        text.setWrapText(true);
        text.setText(preview.getText());
        summary.getStyleClass().add(Styles.COMPOSE_HINT);
        summary.textProperty().bind(preview.summaryProperty());
        tokens.setId("compose-token-count");
        tokens.getStyleClass().add(Styles.COMPOSE_TOKEN_COUNT);
        tokens.textProperty().bind(preview.tokenTextProperty());
        tokens.visibleProperty().bind(tokens.textProperty().isNotEmpty());
        tokens.managedProperty().bind(tokens.visibleProperty());
        adaptation.setId("compose-adaptation");
        adaptation.getStyleClass().add(Styles.COMPOSE_ADAPTATION);
        adaptation.setWrapText(true);
        adaptation.textProperty().bind(preview.adaptationProperty());
        adaptation.visibleProperty().bind(adaptation.textProperty().isNotEmpty());
        adaptation.managedProperty().bind(adaptation.visibleProperty());
        getChildren().addAll(adaptation, text);
        VBox.setVgrow(text, Priority.ALWAYS);
        getStyleClass().add(Styles.COMPOSE_PREVIEW_PANE);
        showState(preview.getState());
    }

    private void initListeners() {
        // Setting the text scrolls back to the top; someone editing the eighth exemplar wants to stay there.
        preview.textProperty().addListener((obs, old, now) -> {
            double top = text.getScrollTop();
            text.setText(now);
            text.setScrollTop(top);
        });
        preview.stateProperty().addListener((obs, old, now) -> showState(now));
    }

    private void showState(PreviewState state) {
        text.getStyleClass().removeAll(Styles.COMPOSE_PREVIEW_FAILED, Styles.COMPOSE_PREVIEW_UPDATING);
        tokens.getStyleClass().remove(Styles.COMPOSE_PREVIEW_UPDATING);
        if (state == PreviewState.FAILED) {
            text.getStyleClass().add(Styles.COMPOSE_PREVIEW_FAILED);
        } else if (state == PreviewState.UPDATING) {
            tokens.getStyleClass().add(Styles.COMPOSE_PREVIEW_UPDATING);
        }
    }

    /** The prompt's kind, shown in the section header. */
    Label summary() {
        return summary;
    }

    /** The token count, shown in the section header. */
    Label tokens() {
        return tokens;
    }
}
