// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import dev.rationale.core.promptset.Variant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A new task for the cases of a CSV or JSON Lines file: one labelled line per input column
 * ({@code Question: {{question}}}), answers read with "the answer is" (and compared as numbers when every expected
 * answer is one), and two variants to compare, a direct answer and zero-shot chain of thought.
 */
final class TableTasks {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final String INSTRUCTION = "Answer the question. End with \"The answer is\" and your answer.";

    private TableTasks() {
    }

    static Task create(Dataset dataset, String taskId) {
        checkVariableNames(dataset);
        return new Task(taskId, TaskIds.stem(dataset.source()), null, template(dataset.inputNames()),
                answerFormat(dataset), List.of(), dataset.cases().stream().map(DatasetCase::testCase).toList(),
                variants());
    }

    private static void checkVariableNames(Dataset dataset) {
        for (String name : dataset.inputNames()) {
            if (!VARIABLE.matcher(name).matches() || TaskInputs.isReserved(name)) {
                int line = dataset.format() == DatasetFormat.CSV ? 1 : dataset.cases().getFirst().line();
                throw DatasetException.at(dataset.source(), line,
                        "input \"" + name + "\" cannot name a template variable; use letters, digits and \"_\""
                        + " (not \"answer\" or \"rationale\"), or import into an existing task and map it");
            }
        }
    }

    private static PromptTemplate template(List<String> inputs) {
        String input = inputs.stream().map(name -> label(name) + ": {{" + name + "}}")
                .collect(Collectors.joining("\n"));
        return new PromptTemplate(INSTRUCTION, input, "Answer:", null, null);
    }

    // "word_count" reads better in a prompt as "Word count".
    private static String label(String name) {
        String words = name.replace('_', ' ').strip();
        return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static AnswerFormat answerFormat(Dataset dataset) {
        boolean numeric = dataset.cases().stream()
                .allMatch(c -> NUMBER.matcher(c.answers().getFirst()).matches());
        return numeric
                ? new AnswerFormat(ExtractRule.ANSWER_IS, null, ExtractRule.LAST_NUMBER, null, CompareRule.NUMERIC)
                : new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, CompareRule.TEXT);
    }

    private static List<Variant> variants() {
        Variant direct = new Variant("direct", "Direct answer", null, List.of(), null, null, ReasoningStyle.NONE,
                null, null, null, null, null, null);
        Variant cot = new Variant("zero-shot-cot", "Zero-shot chain of thought", null, List.of(), null, null,
                ReasoningStyle.ZERO_SHOT_TRIGGER, null, null, null, null, null, null);
        return List.of(direct, cot);
    }
}
