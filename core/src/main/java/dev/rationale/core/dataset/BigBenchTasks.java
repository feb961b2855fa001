// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new task laid out the way BIG-bench lays out its prompts, as far as the prompt-set format can say it.
 * BIG-bench writes {@code task_prefix}, then each example as input prefix + input (+ choices) + output prefix +
 * target, joined by {@code few_shot_example_separator}. Here the task prefix is the instruction, the input prefix
 * (without its leading line breaks) starts the input template, the output prefix (trimmed) is the cue, and the
 * separator is the example separator plus the input prefix's leading line breaks, so the default layout
 * comes out the same. The output prefix always starts a new line here, since a cue follows the input on its own
 * line. Answers are the first line of the reply, or {@code output_regex}'s match, compared as text.
 *
 * <p>BIG-bench draws few-shot examples from the task's own examples. A prompt set keeps exemplars apart from test
 * cases, so the first {@code shots} examples become exemplars and are not also test cases.
 */
final class BigBenchTasks {
    private BigBenchTasks() {
    }

    static Task create(Dataset dataset, BigBenchSettings settings, String taskId, int shots) {
        List<DatasetCase> all = dataset.cases();
        // A few-shot variant needs exemplars and something left to test them on.
        int held = all.size() > shots ? shots : 0;
        List<Exemplar> exemplars = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            TestCase example = all.get(i).testCase();
            exemplars.add(new Exemplar("ex-" + (i + 1), example.inputs(), null, example.expected(), null));
        }
        List<TestCase> cases = all.subList(held, all.size()).stream().map(DatasetCase::testCase).toList();
        return new Task(taskId, settings.name(), settings.description(), template(dataset, settings),
                answerFormat(settings), exemplars, cases, variants(held));
    }

    private static PromptTemplate template(Dataset dataset, BigBenchSettings settings) {
        String source = dataset.source();
        String inputPrefix = settings.effectiveInputPrefix();
        String inputLabel = literal(inputPrefix.stripLeading(), "example_input_prefix", source);
        String input = inputLabel + "{{" + BigBenchReader.INPUT + "}}"
                + (dataset.inputNames().contains(BigBenchReader.CHOICES) ? "{{" + BigBenchReader.CHOICES + "}}" : "");
        String cue = literal(settings.effectiveOutputPrefix().strip(), "example_output_prefix", source);
        String leadingBreaks = inputPrefix.substring(0, inputPrefix.length() - inputPrefix.stripLeading().length());
        String separator = literal(settings.effectiveExampleSeparator() + leadingBreaks,
                "few_shot_example_separator", source);
        return new PromptTemplate(instruction(settings, source), input, cue.isEmpty() ? null : cue, "{{answer}}",
                separator.equals(PromptTemplate.DEFAULT_SEPARATOR) ? null : separator);
    }

    private static @Nullable String instruction(BigBenchSettings settings, String source) {
        String prefix = settings.taskPrefix();
        return prefix == null || prefix.isBlank() ? null : literal(prefix.strip(), "task_prefix", source);
    }

    // Prefixes become template text, and Mustache has no way to write "{{" as plain text.
    private static String literal(String text, String field, String source) {
        if (text.contains("{{")) {
            throw DatasetException.of(source, "\"" + field + "\" contains \"{{\", which a prompt template cannot"
                    + " hold as plain text");
        }
        return text;
    }

    private static AnswerFormat answerFormat(BigBenchSettings settings) {
        return settings.outputRegex() != null
                ? new AnswerFormat(ExtractRule.REGEX, settings.outputRegex(), null, null, CompareRule.TEXT)
                : new AnswerFormat(ExtractRule.FIRST_LINE, null, null, null, CompareRule.TEXT);
    }

    private static List<Variant> variants(int shots) {
        List<Variant> variants = new ArrayList<>();
        variants.add(textVariant("zero-shot", "0-shot", 0));
        if (shots > 0) {
            variants.add(textVariant("few-shot", shots + "-shot", shots));
        }
        return variants;
    }

    // BIG-bench prompts are raw text for a completion model, so the variants keep that shape.
    private static Variant textVariant(String id, String label, int shots) {
        return new Variant(id, label, shots, List.of(), null, null, ReasoningStyle.NONE, null, PromptShape.TEXT,
                null, null, null, null);
    }
}
