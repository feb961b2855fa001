// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rationale.core.parse.JsonFailure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's exceptions into {@link Problem}s a person can act on: {@code expected an integer, got "3"}
 * instead of {@code Cannot coerce String value ("3") to `java.lang.Integer` value}. This is the one place that
 * knows the wording of Jackson's messages; anything it does not recognise keeps Jackson's text, tidied.
 */
final class JacksonProblems {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final int LONGEST_QUOTE = 40;

    private JacksonProblems() {
    }

    /** A problem found while parsing the text: a syntax error, a duplicate key, content after the end. */
    static Problem fromParse(JacksonException e, JsonParser parser, String file, FileSyntax syntax) {
        JsonFailure failure = JsonFailure.of(e, parser);
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            return fromYaml(yaml, failure, file);
        }
        String message = failure.problem();
        SourceMap.Location location = new SourceMap.Location(failure.line(), failure.column());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            // The parser stands on the repeated key, so the object holding it is one level up.
            String path = FieldPath.parent(FieldPath.of(parser.getParsingContext()));
            return Problem.at(file, location, path, "duplicate field \"" + duplicate.group(1) + "\"");
        }
        if (message.equals(JsonFailure.TRAILING)) {
            return Problem.at(file, location, "", "unexpected content after the end of the prompt set");
        }
        return Problem.at(file, location, "", "not valid " + syntax.displayName() + ": " + tidy(message));
    }

    // snakeyaml's problem mark points at the offending character; Jackson's own location can be a line early.
    private static Problem fromYaml(MarkedYAMLException yaml, JsonFailure failure, String file) {
        Mark mark = yaml.getProblemMark();
        SourceMap.Location location = mark != null
                ? new SourceMap.Location(mark.getLine() + 1, mark.getColumn() + 1)
                : new SourceMap.Location(failure.line(), failure.column());
        String context = yaml.getContext();
        String problem = String.valueOf(yaml.getProblem());
        String message = context == null ? problem : context + ": " + problem;
        return Problem.at(file, location, "", "not valid YAML: " + message);
    }

    /** A problem found while binding the parsed tree to the records: a wrong type or an unknown value. */
    static Problem fromBinding(JsonMappingException e, JsonNode root, SourceMap map, String file) {
        String path = FieldPath.of(e.getPath());
        JsonNode value = root.at(pointerOf(e.getPath()));
        return Problem.at(file, map.locate(path), path, bindingMessage(e, value));
    }

    /** The message for a field the record does not have, listing the fields it does have, in file order. */
    static String unknownField(String name, Class<?> recordType) {
        List<String> known = JsonNames.fieldsOf(recordType);
        String message = "unknown field \"" + name + "\"";
        return known.isEmpty() ? message : message + " (known fields: " + String.join(", ", known) + ")";
    }

    /** A value as a message shows it: text in quotes (shortened), numbers as written, else its kind. */
    static String describe(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String shown = text.length() <= LONGEST_QUOTE ? text : text.substring(0, LONGEST_QUOTE - 3) + "...";
            return new TextNode(shown).toString();
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.asText();
    }

    private static String bindingMessage(JsonMappingException e, JsonNode value) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown.getPropertyName(), unknown.getReferringClass());
        }
        if (e.getCause() instanceof InputCoercionException range) {
            return outOfRange(range.getTargetType(), value);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                String allowed = String.join(", ", JsonNames.constantsOf(target));
                return value.isTextual()
                        ? "unknown value " + describe(value) + " (one of: " + allowed + ")"
                        : "expected one of: " + allowed + ", got " + describe(value);
            }
            return "expected " + kindOf(target) + ", got " + describe(value);
        }
        return tidy(String.valueOf(e.getOriginalMessage()));
    }

    private static String outOfRange(@Nullable Class<?> target, JsonNode value) {
        boolean isLong = target == Long.class || target == long.class;
        long min = isLong ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long max = isLong ? Long.MAX_VALUE : Integer.MAX_VALUE;
        return "expected an integer from " + min + " to " + max + ", got " + describe(value);
    }

    private static String kindOf(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == BigInteger.class
                || type == int.class || type == long.class || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == Float.class || type == BigDecimal.class
                || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) ? "an object of text values" : "an object";
    }

    private static JsonPointer pointerOf(List<JsonMappingException.Reference> references) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                pointer = pointer.appendProperty(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                pointer = pointer.appendIndex(reference.getIndex());
            }
        }
        return pointer;
    }

    // Drops Jackson's source descriptions and character codes, which mean nothing to the user.
    private static String tidy(String message) {
        String text = SOURCE.matcher(message).replaceAll("line $1, column $2");
        text = CHARACTER_CODE.matcher(text).replaceAll("");
        text = text.replace("end-of-input", "end of file");
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
