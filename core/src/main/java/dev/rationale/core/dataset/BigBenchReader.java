// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.promptset.Choice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a BIG-bench task file: a JSON object whose {@code examples} each have an {@code input} and either a
 * {@code target} (text, or a list of accepted texts) or {@code target_scores} (option to score; the best-scoring
 * options are the answer). The cases' inputs are {@code input}, plus {@code choices} for multiple choice when the
 * task appends its options to the input, rendered with its {@code choice_prefix} as BIG-bench does. Fields this
 * reader does not use ({@code keywords}, {@code metrics}, {@code comment}...) are ignored.
 */
final class BigBenchReader {
    static final String INPUT = "input";
    static final String CHOICES = "choices";
    private static final String EXAMPLES = "examples";
    private static final String TARGET = "target";

    private final String source;
    private final JsonLocations locations;
    private final CaseCollector cases;
    private @Nullable Boolean multipleChoice;
    private int firstExampleLine;

    private BigBenchReader(String source, JsonLocations locations) {
        this.source = source;
        this.locations = locations;
        this.cases = new CaseCollector(source);
    }

    static Dataset read(String text, String source) {
        JsonNode root = parse(text, source);
        if (!root.isObject()) {
            throw DatasetException.at(source, 1, "a BIG-bench task must be a JSON object with an \"examples\" list,"
                    + " got " + JsonValues.kind(root));
        }
        JsonLocations locations = JsonLocations.of(text, EXAMPLES);
        BigBenchSettings settings = new BigBenchSettingsReader(root, source, locations).read();
        BigBenchReader reader = new BigBenchReader(source, locations);
        reader.readExamples(root.get(EXAMPLES), settings);
        List<String> inputs = Boolean.TRUE.equals(reader.multipleChoice) && settings.effectiveAppendChoices()
                ? List.of(INPUT, CHOICES) : List.of(INPUT);
        return new Dataset(source, DatasetFormat.BIG_BENCH, inputs, reader.cases.cases(), settings);
    }

    private static JsonNode parse(String text, String source) {
        return JsonValues.parse(text, source, 1);
    }

    private void readExamples(@Nullable JsonNode examples, BigBenchSettings settings) {
        if (examples == null || !examples.isArray()) {
            throw DatasetException.at(source, locations.field(EXAMPLES), "a BIG-bench task needs an \"examples\""
                    + " list" + (examples == null ? "" : ", got " + JsonValues.kind(examples)));
        }
        if (examples.isEmpty()) {
            throw DatasetException.at(source, locations.field(EXAMPLES), "\"examples\" is empty");
        }
        for (int i = 0; i < examples.size(); i++) {
            readExample(examples.get(i), i, settings);
        }
    }

    private void readExample(JsonNode example, int index, BigBenchSettings settings) {
        int line = locations.element(index);
        String path = EXAMPLES + "[" + index + "]";
        if (!example.isObject()) {
            throw DatasetException.at(source, line, path + " must be an object, got " + JsonValues.kind(example));
        }
        String input = input(example, path, line);
        boolean choices = example.has(TargetScores.FIELD);
        checkSameKind(choices, path, line);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(INPUT, input);
        if (choices) {
            List<Choice> options = TargetScores.choices(example.get(TargetScores.FIELD), source, line,
                    path + "." + TargetScores.FIELD);
            if (settings.effectiveAppendChoices()) {
                inputs.put(CHOICES, choiceBlock(options, settings.effectiveChoicePrefix()));
            }
            cases.add(line, null, inputs, List.of(), path + "." + TargetScores.FIELD, options);
        } else {
            cases.add(line, null, inputs, targets(example, path, line), path + "." + TARGET, List.of());
        }
    }

    private String input(JsonNode example, String path, int line) {
        JsonNode input = example.get(INPUT);
        if (input == null) {
            throw DatasetException.at(source, line, path + " has no \"input\"");
        }
        String text = JsonValues.textOrNull(input);
        if (text == null) {
            throw DatasetException.at(source, line, path + ".input must be text, got " + JsonValues.kind(input));
        }
        return text;
    }

    private List<String> targets(JsonNode example, String path, int line) {
        JsonNode target = example.get(TARGET);
        if (target == null) {
            throw DatasetException.at(source, line, path + " needs \"target\" or \"target_scores\"");
        }
        List<String> answers = JsonValues.answers(target);
        if (answers.isEmpty()) {
            throw DatasetException.at(source, line, path + ".target must be text or a non-empty list of texts, got "
                    + JsonValues.kind(target) + (target.isArray() && !target.isEmpty() ? " holding other values" : ""));
        }
        return answers;
    }

    // One task becomes one template, and a template either shows options or does not.
    private void checkSameKind(boolean choices, String path, int line) {
        if (multipleChoice == null) {
            multipleChoice = choices;
            firstExampleLine = line;
        } else if (multipleChoice != choices) {
            throw DatasetException.at(source, line, path + (choices ? " has" : " has no") + " \"target_scores\","
                    + " unlike the first example (line " + firstExampleLine + "); all examples must be multiple"
                    + " choice or none");
        }
    }

    // BIG-bench writes each option after the choice prefix, straight after the input.
    private static String choiceBlock(List<Choice> options, String prefix) {
        StringBuilder block = new StringBuilder();
        for (Choice option : options) {
            block.append(prefix).append(option.text());
        }
        return block.toString();
    }
}
