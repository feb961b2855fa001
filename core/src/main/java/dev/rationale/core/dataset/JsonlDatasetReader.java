// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.promptset.Choice;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON Lines dataset: one object per line, with the inputs either in an {@code inputs} object or as the
 * object's own fields, the expected answer in {@code expected} (or {@code answer}, {@code target}; a list means
 * several accepted answers), an optional {@code id}, and for a multiple-choice case an optional
 * {@code target_scores} object of option to score (whose top-scored options are the expected answers when the
 * line gives none). Blank lines are skipped. Every line must give the same inputs as the first.
 */
final class JsonlDatasetReader {
    private static final String INPUTS = "inputs";

    private final String source;
    private final CaseCollector cases;
    private List<String> inputNames = List.of();
    private Set<String> firstInputs = Set.of();
    private int firstLine;

    private JsonlDatasetReader(String source) {
        this.source = source;
        this.cases = new CaseCollector(source);
    }

    static Dataset read(String text, String source) {
        try {
            return read(new StringReader(text), source);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string does no I/O", e);
        }
    }

    /** Reads the lines a piece at a time: a file of half a million lines is never whole in memory, nor its lines. */
    static Dataset read(Reader text, String source) throws IOException {
        JsonlDatasetReader reader = new JsonlDatasetReader(source);
        TextLines lines = new TextLines(text);
        int number = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (!line.isBlank()) {
                reader.readLine(line, number);
            }
        }
        return new Dataset(source, DatasetFormat.JSONL, reader.inputNames, reader.cases.cases(), null);
    }

    private void readLine(String text, int line) {
        JsonNode node = parse(text, line);
        if (!node.isObject()) {
            throw DatasetException.at(source, line, "expected a JSON object, got " + JsonValues.kind(node));
        }
        List<Choice> choices = choices(node, line);
        String answerField = answerField(node, line, !choices.isEmpty());
        List<String> answers = answerField == null ? List.of() : JsonValues.answers(node.get(answerField));
        if (answerField != null && answers.isEmpty()) {
            throw DatasetException.at(source, line, "\"" + answerField + "\" must be text or a list of texts, got "
                    + JsonValues.kind(node.get(answerField)));
        }
        Map<String, String> inputs = inputs(node, answerField, line);
        checkSameInputs(inputs, line);
        cases.add(line, id(node, line), inputs, answers, "\"" + (answerField != null ? answerField
                : TargetScores.FIELD) + "\"", choices);
    }

    private List<Choice> choices(JsonNode node, int line) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (FieldNames.isScores(field.getKey())) {
                return TargetScores.choices(field.getValue(), source, line, "\"" + field.getKey() + "\"");
            }
        }
        return List.of();
    }

    private JsonNode parse(String text, int line) {
        return JsonValues.parse(text, source, line);
    }

    /** The field naming the expected answer; null only when the line has none but gives options. */
    private @Nullable String answerField(JsonNode node, int line, boolean hasChoices) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (FieldNames.isAnswer(name)) {
                names.add(name);
            }
        });
        if (names.isEmpty() && hasChoices) {
            return null;
        }
        if (names.isEmpty()) {
            throw DatasetException.at(source, line, "no expected answer; give " + FieldNames.ANSWER_NAMES
                    + ", or the options in \"" + TargetScores.FIELD + "\"");
        }
        if (names.size() > 1) {
            throw DatasetException.at(source, line, "fields " + String.join(", ", names)
                    + " all name the expected answer; keep one");
        }
        return names.getFirst();
    }

    private Map<String, String> inputs(JsonNode node, @Nullable String answerField, int line) {
        Map<String, String> flat = new LinkedHashMap<>();
        JsonNode nested = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (name.equals(INPUTS)) {
                nested = field.getValue();
            } else if (!name.equals(answerField) && !FieldNames.isId(name) && !FieldNames.isScores(name)) {
                flat.put(name, text(field.getValue(), name, line));
            }
        }
        if (nested == null) {
            return flat;
        }
        if (!flat.isEmpty()) {
            throw DatasetException.at(source, line, "has both \"inputs\" and other fields (" + String.join(", ",
                    flat.keySet()) + "); put every input inside \"inputs\"");
        }
        if (!nested.isObject()) {
            throw DatasetException.at(source, line, "\"inputs\" must be an object, got " + JsonValues.kind(nested));
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        nested.properties().forEach(e -> inputs.put(e.getKey(), text(e.getValue(), "inputs." + e.getKey(), line)));
        return inputs;
    }

    private String text(JsonNode value, String path, int line) {
        String text = JsonValues.textOrNull(value);
        if (text == null) {
            throw DatasetException.at(source, line, "\"" + path + "\" must be text, got " + JsonValues.kind(value));
        }
        return text.strip();
    }

    private @Nullable String id(JsonNode node, int line) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (FieldNames.isId(field.getKey())) {
                JsonNode value = field.getValue();
                if (!value.isTextual() && !value.isIntegralNumber()) {
                    throw DatasetException.at(source, line, "\"" + field.getKey() + "\" must be text or a whole"
                            + " number, got " + JsonValues.kind(value));
                }
                return value.asText();
            }
        }
        return null;
    }

    private void checkSameInputs(Map<String, String> inputs, int line) {
        List<String> names = List.copyOf(inputs.keySet());
        if (firstLine == 0) {
            inputNames = names;
            // Looked up once per field of every line; a list search would make wide lines quadratic.
            firstInputs = Set.copyOf(names);
            firstLine = line;
            return;
        }
        for (String name : inputNames) {
            if (!inputs.containsKey(name)) {
                throw DatasetException.at(source, line, "no input \"" + name + "\", which line " + firstLine
                        + " has; every line needs the same inputs");
            }
        }
        for (String name : names) {
            if (!firstInputs.contains(name)) {
                throw DatasetException.at(source, line, "input \"" + name + "\" is not on line " + firstLine
                        + "; every line needs the same inputs");
            }
        }
    }
}
