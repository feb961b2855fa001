// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.JsonNames;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a prompt set as Markdown for people to read: the set's settings, then per task its answer format,
 * exemplars (with their reasoning chains), test cases (with their scored choices, one per line after its score),
 * and each variant's settings and its prompt exactly as a run sends it for the task's first test case. A task
 * without cases shows the prompt with {@code {{name}}} in place of each input. Pure; safe from any thread.
 */
public final class MarkdownWriter {
    private final StringBuilder out = new StringBuilder();
    private final List<String> notMapped = new ArrayList<>();

    private MarkdownWriter() {
    }

    /** The document for {@code set}; prompts that cannot be rendered are named in the notes and the text. */
    public static Exported write(PromptSet set) {
        MarkdownWriter writer = new MarkdownWriter();
        writer.document(set);
        return new Exported(writer.out.toString(), writer.notMapped);
    }

    private void document(PromptSet set) {
        line("# " + String.valueOf(set.name()));
        paragraph(set.description());
        settings("Default settings", set.effectiveDefaults());
        if (!set.targets().isEmpty()) {
            line("");
            line("## Suggested models");
            line("");
            for (ModelTarget target : set.targets()) {
                line("- `" + target.id() + "`: model `" + target.model() + "` on endpoint `" + target.endpoint()
                        + "`" + inlineSettings(target.settings()));
            }
        }
        for (Task task : set.tasks()) {
            task(task);
        }
    }

    private void task(Task task) {
        line("");
        line("## Task: " + task.effectiveTitle() + " (`" + task.id() + "`)");
        paragraph(task.description());
        line("");
        line("- Inputs: " + String.join(", ", TaskInputs.of(task).stream().map(n -> "`" + n + "`").toList()));
        line("- Answer: " + answer(task.effectiveAnswer()));
        exemplars(task);
        cases(task);
        for (Variant variant : task.variants()) {
            variant(task, variant);
        }
    }

    private static String answer(AnswerFormat format) {
        StringBuilder text = new StringBuilder("read by `" + JsonNames.of(format.effectiveExtract()) + "`");
        if (format.pattern() != null) {
            text.append(" with pattern `").append(format.pattern()).append('`');
        }
        if (format.fallback() != null) {
            text.append(", else by `").append(JsonNames.of(format.fallback())).append('`');
        }
        if (format.choices() != null) {
            text.append(", letters ").append(format.choices());
        }
        return text.append(", compared as `").append(JsonNames.of(format.effectiveCompare())).append('`')
                .toString();
    }

    private void exemplars(Task task) {
        if (task.exemplars().isEmpty()) {
            return;
        }
        section("Exemplars");
        int n = 0;
        for (Exemplar exemplar : task.exemplars()) {
            item(++n, exemplar.id(), exemplar.effectiveEnabled() ? "" : " (disabled: never shown)");
            fields(exemplar.inputs());
            if (exemplar.hasRationale()) {
                field("Reasoning", String.valueOf(exemplar.rationale()));
            }
            field("Answer", String.valueOf(exemplar.answer()));
        }
    }

    private void cases(Task task) {
        if (task.cases().isEmpty()) {
            return;
        }
        section("Test cases");
        int n = 0;
        for (TestCase testCase : task.cases()) {
            item(++n, testCase.id(), "");
            fields(testCase.inputs());
            if (testCase.expected() != null) {
                field("Expected", testCase.expected());
            }
            if (testCase.hasChoices()) {
                field("Choices", String.join("\n", testCase.choices().stream()
                        .map(c -> (c.score() == null ? "?" : SettingsText.number(c.score())) + ": " + c.text())
                        .toList()));
            }
        }
    }

    private void section(String title) {
        line("");
        line("### " + title);
    }

    private void item(int n, @Nullable String id, String note) {
        line("");
        line("#### " + n + (id != null ? ". `" + id + "`" : ".") + note);
        line("");
    }

    private void variant(Task task, Variant variant) {
        line("");
        line("### Variant: " + variant.effectiveLabel() + " (`" + variant.id() + "`)");
        line("");
        line("- Shots: " + (variant.shots() == null ? "all" : variant.shots())
                + (variant.exemplars().isEmpty() ? "" : " from " + String.join(", ", variant.exemplars()))
                + ", chosen " + JsonNames.of(variant.effectiveSelection())
                + (variant.seed() != null ? " (seed " + variant.seed() + ")" : ""));
        line("- Reasoning: " + JsonNames.of(variant.effectiveReasoning())
                + (variant.appendedTrigger().isEmpty() ? "" : ", trigger \"" + variant.appendedTrigger() + "\""));
        line("- Shape: " + JsonNames.of(variant.effectiveShape()));
        if (variant.effectiveSamples() > 1) {
            line("- Samples: " + variant.effectiveSamples() + " per case, the majority answer wins");
        }
        if (variant.settings() != null) {
            line("- Settings:" + inlineSettings(variant.settings()));
        }
        prompt(task, variant);
    }

    private void prompt(Task task, Variant variant) {
        line("");
        Map<String, String> inputs;
        if (task.cases().isEmpty()) {
            inputs = new LinkedHashMap<>();
            for (String name : TaskInputs.of(task)) {
                inputs.put(name, "{{" + name + "}}");
            }
            line("The prompt, with each input shown as `{{name}}`:");
        } else {
            TestCase first = task.cases().getFirst();
            inputs = first.inputs();
            line("The prompt for the first test case" + (first.id() != null ? " (`" + first.id() + "`)" : "") + ":");
        }
        try {
            RenderedPrompt prompt = PromptRenderer.render(task, variant, inputs, "the first case");
            line("");
            switch (prompt) {
                case RenderedPrompt.Text text -> fenced(text.prompt());
                case RenderedPrompt.Chat chat -> messages(chat.messages());
            }
        } catch (RenderException e) {
            line("");
            line("*Cannot be rendered: " + e.getMessage() + "*");
            notMapped.add(e.getMessage());
        }
    }

    private void messages(List<ChatMessage> messages) {
        boolean first = true;
        for (ChatMessage message : messages) {
            if (!first) {
                line("");
            }
            first = false;
            line("**" + message.role().wireName() + "**");
            line("");
            fenced(message.content());
        }
    }

    private void settings(String title, GenerationSettings settings) {
        if (settings.equals(GenerationSettings.NONE)) {
            return;
        }
        line("");
        line("## " + title);
        line("");
        for (Map.Entry<String, String> entry : SettingsText.of(settings).entrySet()) {
            line("- " + entry.getKey() + ": " + entry.getValue());
        }
    }

    private static String inlineSettings(@Nullable GenerationSettings settings) {
        if (settings == null || settings.equals(GenerationSettings.NONE)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        SettingsText.of(settings).forEach((name, value) -> parts.add(name + " " + value));
        return " (" + String.join(", ", parts) + ")";
    }

    private void fields(Map<String, String> values) {
        values.forEach(this::field);
    }

    // One-line values read best inline; anything longer keeps its line breaks in a fenced block.
    private void field(String name, String value) {
        if (!value.contains("\n") && !value.contains("`") && value.length() <= 200) {
            line("- **" + name + "**: " + value);
            return;
        }
        line("- **" + name + "**:");
        line("");
        fenced(value);
        line("");
    }

    // The fence is one backtick longer than any run inside the text, so code with its own fences stays whole.
    private void fenced(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        line(fence + "text");
        line(text);
        line(fence);
    }

    private void paragraph(@Nullable String text) {
        if (text != null && !text.isBlank()) {
            line("");
            line(text);
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
