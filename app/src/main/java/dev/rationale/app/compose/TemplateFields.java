// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.PromptTemplate;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The task's templates as editable text: the instruction (shown in the highlighting editor) and the input, cue
 * and output templates. Setting a property edits that one field of the task's template in the document; an empty
 * text leaves the field out, so the format's default applies.
 */
public final class TemplateFields {
    private final StringProperty instruction = new SimpleStringProperty(this, "instruction", "");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final StringProperty cue = new SimpleStringProperty(this, "cue", "");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final Consumer<UnaryOperator<PromptTemplate>> edit;
    private boolean loading;

    /** @param edit applies a change to the current task's template (never null: absent means all defaults) */
    TemplateFields(Consumer<UnaryOperator<PromptTemplate>> edit) {
        this.edit = edit;
        writeThrough(instruction, PromptTemplate::instruction, (t, v) ->
                new PromptTemplate(v, t.input(), t.cue(), t.output(), t.separator()));
        writeThrough(input, PromptTemplate::input, (t, v) ->
                new PromptTemplate(t.instruction(), v, t.cue(), t.output(), t.separator()));
        writeThrough(cue, PromptTemplate::cue, (t, v) ->
                new PromptTemplate(t.instruction(), t.input(), v, t.output(), t.separator()));
        writeThrough(output, PromptTemplate::output, (t, v) ->
                new PromptTemplate(t.instruction(), t.input(), t.cue(), v, t.separator()));
    }

    private void writeThrough(StringProperty property, Function<PromptTemplate, @Nullable String> field,
            BiFunction<PromptTemplate, @Nullable String, PromptTemplate> replace) {
        property.addListener((obs, old, now) -> {
            if (!loading) {
                edit.accept(template -> replace.apply(template, OptionalText.edited(field.apply(template), now)));
            }
        });
    }

    /** Shows {@code template}'s fields without writing anything back. */
    void show(PromptTemplate template) {
        loading = true;
        try {
            instruction.set(OptionalText.shown(template.instruction()));
            input.set(OptionalText.shown(template.input()));
            cue.set(OptionalText.shown(template.cue()));
            output.set(OptionalText.shown(template.output()));
        } finally {
            loading = false;
        }
    }

    /** The instruction template: the text before the exemplars (in chat prompts, the end of the system message). */
    public StringProperty instructionProperty() {
        return instruction;
    }

    public String getInstruction() {
        return instruction.get();
    }

    public void setInstruction(String text) {
        instruction.set(text);
    }

    /** How one example's input is laid out, e.g. {@code Q: {{question}}}. */
    public StringProperty inputProperty() {
        return input;
    }

    /** What invites the answer in raw text prompts, e.g. {@code A:}. */
    public StringProperty cueProperty() {
        return cue;
    }

    /** How an exemplar's answer is laid out; empty means the format's default. */
    public StringProperty outputProperty() {
        return output;
    }
}
