// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rationale.core.parse.JsonFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON reading JSON Lines and BIG-bench files share: a strict mapper, and text out of scalar values. A number
 * or boolean counts as text ({@code "expected": 42} is the answer "42"), since datasets often store answers so;
 * null, objects and (where one value is wanted) arrays do not.
 */
final class JsonValues {
    /** Rejects duplicate keys and text after the value, so a pasted-together line is not half read. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final Pattern INNER_POSITION = Pattern.compile("\\s*\\(start marker at \\[Source: .*?]\\)"
            + "|\\s*at \\[Source: .*?]", Pattern.DOTALL);
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");

    private JsonValues() {
    }

    /**
     * Parses one JSON value from {@code text}, which starts on line {@code firstLine} of {@code source}.
     *
     * @return the value; a missing node when the text holds none
     * @throws DatasetException at the line and column where the text stops being JSON
     */
    static JsonNode parse(String text, String source, int firstLine) {
        try (JsonParser parser = JSON.createParser(text)) {
            return read(parser, source, firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string does no I/O", e);
        }
    }

    private static JsonNode read(JsonParser parser, String source, int firstLine) throws IOException {
        try {
            JsonNode node = JSON.readTree(parser);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException e) {
            JsonFailure failure = JsonFailure.of(e, parser);
            throw DatasetException.at(source, firstLine - 1 + failure.line(), failure.column(),
                    "not valid JSON: " + tidy(failure.problem()));
        }
    }

    // Jackson's message may place a second position inside the parsed text, which for JSON Lines is one line,
    // not the file; the error's own line and column are the right ones, so the inner one goes.
    private static String tidy(String problem) {
        String text = INNER_POSITION.matcher(problem).replaceAll("");
        text = CHARACTER_CODE.matcher(text).replaceAll("");
        text = text.replace("end-of-input", "end of the text");
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The text of a scalar, or null when {@code node} is not one. */
    static @Nullable String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /**
     * One or more answers: a scalar, or a non-empty array of scalars.
     *
     * @return the answers, or an empty list when the node has another shape
     */
    static List<String> answers(JsonNode node) {
        List<String> answers = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                String text = textOrNull(element);
                if (text == null) {
                    return List.of();
                }
                answers.add(text.strip());
            }
            return answers;
        }
        String text = textOrNull(node);
        return text == null ? List.of() : List.of(text.strip());
    }

    /** "an object", "an array", "null": what a value is, for messages. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
