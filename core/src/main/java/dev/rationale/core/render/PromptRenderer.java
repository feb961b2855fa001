// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.template.MustacheTemplates;
import dev.rationale.core.template.TemplateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lays out the prompt a variant sends for one test case, exactly as {@code docs/prompt-set-format.md}
 * ("How a prompt is rendered") describes: the same rules serve the preview, the CLI and every run.
 */
public final class PromptRenderer {
    private PromptRenderer() {
    }

    /** The prompt {@code variant} of {@code task} sends for {@code testCase}, in the shape it is written in. */
    public static RenderedPrompt render(Task task, Variant variant, TestCase testCase) {
        return draft(task, variant, testCase).asWritten();
    }

    /**
     * The prompt for the given input values, in the shape it is written in.
     *
     * @param inputName how error messages name the inputs, e.g. {@code case "c12"}
     */
    public static RenderedPrompt render(Task task, Variant variant, Map<String, String> inputs, String inputName) {
        return draft(task, variant, inputs, inputName).asWritten();
    }

    /** The pieces of the prompt for {@code testCase}, for {@link PromptShaper} to lay out for a backend. */
    public static PromptDraft draft(Task task, Variant variant, TestCase testCase) {
        return draft(task, variant, testCase.inputs(), nameOf(testCase));
    }

    /**
     * The pieces of the prompt for the given input values.
     *
     * @param inputName how error messages name the inputs, e.g. {@code case "c12"}
     */
    public static PromptDraft draft(Task task, Variant variant, Map<String, String> inputs, String inputName) {
        Layout layout = new Layout(task, variant);
        List<PromptDraft.Shot> shots = ExemplarPicker.pick(task, variant).stream()
                .map(shot -> new PromptDraft.Shot(layout.exemplarInput(shot), layout.exemplarOutput(shot)))
                .toList();
        return new PromptDraft(variant.effectiveShape(), variant.effectiveChatLayout(), variant.system(),
                layout.instruction(inputs, inputName), shots, layout.input(inputs, inputName),
                layout.template.effectiveCue(), variant.appendedTrigger(), layout.template.effectiveSeparator());
    }

    /**
     * How {@code variant} writes {@code answer} for {@code testCase} when the answer is all it says: the template's
     * output with the answer and no rationale, as an answer-only exemplar shows it. The likelihood pass scores this
     * text after the prompt.
     */
    public static String answerText(Task task, Variant variant, TestCase testCase, String answer) {
        return new Layout(task, variant).output(testCase.inputs(), answer, null, nameOf(testCase));
    }

    private static String nameOf(TestCase testCase) {
        return testCase.id() != null ? "case \"" + testCase.id() + "\"" : "the case";
    }

    /** A task's template with the variant's overrides, filled for one item at a time. */
    private static final class Layout {
        final Variant variant;
        final PromptTemplate template;
        final boolean showsRationales;
        final String where;

        Layout(Task task, Variant variant) {
            this.variant = variant;
            this.template = task.effectiveTemplate().overriddenBy(variant.template());
            this.showsRationales = variant.effectiveReasoning().showsRationales();
            this.where = "task \"" + task.id() + "\" variant \"" + variant.id() + "\"";
            if (template.input() == null || template.input().isBlank()) {
                throw new RenderException(where + ": the template has no input");
            }
        }

        @Nullable String instruction(Map<String, String> inputs, String inputName) {
            String instruction = template.instruction();
            return instruction == null ? null : fill(instruction, inputs, "template.instruction", inputName);
        }

        String input(Map<String, String> inputs, String inputName) {
            return fill(template.effectiveInput(), inputs, "template.input", inputName);
        }

        String exemplarInput(Exemplar shot) {
            return fill(template.effectiveInput(), shot.inputs(), "template.input", exemplarName(shot));
        }

        String exemplarOutput(Exemplar shot) {
            return output(shot.inputs(), shot.answer(), showsRationales && shot.hasRationale() ? shot.rationale()
                    : null, exemplarName(shot));
        }

        String output(Map<String, String> inputs, @Nullable String answer, @Nullable String rationale, String item) {
            Map<String, @Nullable String> values = new HashMap<>(inputs);
            values.put("answer", answer);
            // Null rather than absent: the default output template asks for {{#rationale}} in every style.
            values.put("rationale", rationale);
            return fill(template.effectiveOutput(), values, "template.output", item);
        }

        private String fill(String text, Map<String, ? extends @Nullable Object> values, String field, String item) {
            try {
                return MustacheTemplates.fill(text, values, () -> where + " " + field + " for " + item);
            } catch (TemplateException e) {
                throw new RenderException(e.getMessage(), e);
            }
        }

        private static String exemplarName(Exemplar shot) {
            return shot.id() != null ? "exemplar \"" + shot.id() + "\"" : "an exemplar without id";
        }
    }
}
