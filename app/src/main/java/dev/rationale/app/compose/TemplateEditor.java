// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import dev.rationale.core.promptset.PromptTemplate;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The task's templates: the instruction in a code editor that highlights {@code {{variables}}} and sections, and
 * the input, cue and output templates as one-line fields.
 */
final class TemplateEditor extends GridPane {
    private static final double INSTRUCTION_HEIGHT = 92;

    private final CodeArea instruction = new CodeArea();
    private final TemplateFields fields;

    TemplateEditor(TemplateFields fields, ComposeViewModel viewModel) {
        this.fields = fields;
        createView();
        bindInstruction(viewModel);
    }

    private void createView() {
        instruction.setId("compose-template");
        instruction.getStyleClass().add(Styles.COMPOSE_TEMPLATE);
        instruction.setWrapText(true);
        // The frame is a separate pane: the area paints over any border its scroll pane would draw.
        var frame = new StackPane(new VirtualizedScrollPane<>(instruction));
        frame.setPrefHeight(INSTRUCTION_HEIGHT);
        frame.setMinHeight(INSTRUCTION_HEIGHT);
        frame.getStyleClass().add(Styles.COMPOSE_TEMPLATE_FRAME);
        Label label = Section.fieldLabel("Instruction");
        add(label, 0, 0);
        add(frame, 1, 0);
        GridPane.setValignment(label, VPos.TOP);
        GridPane.setVgrow(frame, Priority.ALWAYS);
        addField(1, "Input", "compose-template-input", fields.inputProperty(), "e.g. Q: {{question}}");
        addField(2, "Cue", "compose-template-cue", fields.cueProperty(), "e.g. A:  (raw text prompts only)");
        addField(3, "Output", "compose-template-output", fields.outputProperty(), PromptTemplate.DEFAULT_OUTPUT);
        var labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        var editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        getColumnConstraints().addAll(labels, editors);
        setHgap(10);
        setVgap(8);
    }

    private void addField(int row, String label, String id, StringProperty property, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        add(Section.fieldLabel(label), 0, row);
        add(field, 1, row);
    }

    // A CodeArea's text is read-only as a property, so the two directions are wired by hand; each side only
    // writes when the text differs, which ends the round trip.
    private void bindInstruction(ComposeViewModel viewModel) {
        instruction.replaceText(fields.getInstruction());
        instruction.getUndoManager().forgetHistory();
        instruction.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(fields.getInstruction())) {
                fields.setInstruction(now);
            }
        });
        fields.instructionProperty().addListener((obs, old, now) -> {
            if (!now.equals(instruction.getText())) {
                instruction.replaceText(now);
                // Another task's text: undoing past it would write the old task's instruction into this one.
                instruction.getUndoManager().forgetHistory();
            }
        });
        viewModel.highlightingProperty().addListener((obs, old, now) -> highlight(now));
        highlight(viewModel.highlightingProperty().get());
    }

    private void highlight(TemplateHighlighting highlighting) {
        // Tags found for an older text would land on the wrong characters; a newer result is on its way.
        if (highlighting.text().equals(instruction.getText())) {
            instruction.setStyleSpans(0,
                    TemplateHighlighter.styleSpans(highlighting.tags(), highlighting.text().length()));
        }
    }
}
