// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prompt sets built in code for the tests: one with every field set, one as small as a valid set can be. */
final class PromptSetFixtures {
    private PromptSetFixtures() {
    }

    /** A valid set in which every field of every record has a value. */
    static PromptSet everyField() {
        GenerationSettings defaults = new GenerationSettings(0.0, 0.95, 256, List.of("\n\nQ:", "###"), 42L, 5);
        ModelTarget target = new ModelTarget("local-small", "ollama", "qwen2.5:0.5b",
                new GenerationSettings(0.2, 1.0, 128, List.of("\n"), 7L, 0));
        return new PromptSet(PromptSet.FORMAT, PromptSet.CURRENT_VERSION, "Every field — café",
                "A set that uses every field.\nOn two lines.", defaults, List.of(target), List.of(task()));
    }

    /** The smallest valid set: one task with one template input, one exemplar, one case, one variant. */
    static PromptSet minimal() {
        return PromptSet.of("Minimal", List.of(minimalTask()));
    }

    static Task minimalTask() {
        return new Task("apples", null, null, new PromptTemplate(null, "Q: {{question}}", null, null, null), null,
                List.of(new Exemplar("basket", Map.of("question", "3 + 4?"), "3 + 4 = 7.", "7", null)),
                List.of(new TestCase("pears", Map.of("question", "5 - 2?"), "3")),
                List.of(Variant.named("direct")));
    }

    static Map<String, String> inputs(String... keysAndValues) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            inputs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return inputs;
    }

    private static Task task() {
        PromptTemplate template = new PromptTemplate("Answer about {{topic}}.", "Q: {{question}}", "A:",
                PromptTemplate.DEFAULT_OUTPUT, "\n\n");
        AnswerFormat answer = new AnswerFormat(ExtractRule.REGEX, "(?<answer>\\d+)", ExtractRule.LAST_NUMBER,
                "ABCD", CompareRule.NUMERIC);
        List<Exemplar> exemplars = List.of(
                new Exemplar("e1", inputs("topic", "sums", "question", "3 + 4?"), "3 + 4 = 7.", "7", true),
                new Exemplar("e2", inputs("topic", "sums", "question", "Ünïcödé: 日本 + 🍎?"), "Zwei.", "2",
                        false),
                new Exemplar("e3", inputs("topic", "sums", "question", "1 + 1?"), "1 + 1 = 2.", "2", true));
        List<TestCase> cases = List.of(new TestCase("c1", inputs("topic", "sums", "question", "5 - 2?"), "3",
                List.of(Choice.of("3", 1), Choice.of("2", 0), Choice.of("2.5", 0.25))));
        Variant variant = new Variant("cot", "Chain of thought", 2, List.of("e1", "e3"), ExemplarSelection.RANDOM,
                99L, ReasoningStyle.CUSTOM, "Think first.", PromptShape.TEXT, "You are careful.",
                new PromptTemplate("Solve {{topic}}.", "Question: {{question}}", "Answer:",
                        "{{rationale}} So {{answer}}.", "\n---\n"),
                3, new GenerationSettings(0.7, 0.9, 300, List.of("END"), 1L, 2, ThinkingLevel.HIGH));
        return new Task("arith.v1", "Arithmetic", "Small sums.", template, answer, exemplars, cases,
                List.of(variant, Variant.named("direct")));
    }
}
