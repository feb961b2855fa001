// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MALFORMED_REPLY failures worded for the user: what the server sent and where ("choices[0] is null",
 * "choices[0].index is the text "x", expected a number"), never the name of a Java type or exception. Pure and
 * thread-safe.
 */
public final class MalformedReply {

    private static final int SHOWN_TEXT = 40;

    private MalformedReply() {
    }

    /** MALFORMED_REPLY with {@code provider + ": " + detail}. */
    public static ProviderException of(String provider, String detail) {
        return new ProviderException(Kind.MALFORMED_REPLY, provider + ": " + detail);
    }

    /** "{@code where} is {@link #describe what it is}, expected {@code expected}". */
    public static ProviderException wrongType(String provider, String where, JsonNode found, String expected) {
        return of(provider, where + " is " + describe(found) + ", expected " + expected);
    }

    /** A JSON value in words: "null", "an object", "an array", "the text "…"", "the number 5", "true". */
    public static String describe(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + shorten(node.asText());
            case STRING -> "the text \"" + shorten(node.asText()) + "\"";
            default -> "binary data";
        };
    }

    /**
     * The failure for a JSON reply that did not parse or did not fit the expected records.
     *
     * @param what what was being read, e.g. "a stream chunk"
     * @param root the parsed tree the records were read from, to say what sat where a mapping failed; null when
     *     the text itself did not parse
     */
    public static ProviderException fromJson(String provider, String what, JacksonException e,
            @Nullable JsonNode root) {
        return new ProviderException(Kind.MALFORMED_REPLY, provider + ": " + what + " " + detail(e, root), null, e);
    }

    private static String detail(JacksonException e, @Nullable JsonNode root) {
        if (e instanceof StreamConstraintsException) {
            return "is beyond the reader's limits (" + plain(e.getOriginalMessage()) + ")";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<JsonMappingException.Reference> path = mapping.getPath();
            String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType())
                    : "something else";
            String found = root == null ? "a value of another type" : describe(at(root, path));
            return "has " + path(path) + " as " + found + ", expected " + expected;
        }
        if (root != null || e instanceof JsonMappingException) {
            return "does not have the expected shape (" + plain(e.getOriginalMessage()) + ")";
        }
        JsonLocation location = e.getLocation();
        String column = location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
        return "is not JSON" + column + ": " + plain(e.getOriginalMessage());
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "something else";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if ((type.isPrimitive() && type != boolean.class) || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type.isArray() || Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    private static @Nullable JsonNode at(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode node = root;
        for (JsonMappingException.Reference step : path) {
            if (node == null) {
                return null;
            }
            node = step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
        }
        return node;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder where = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!where.isEmpty()) {
                    where.append('.');
                }
                where.append(snakeCase(step.getFieldName()));
            } else if (step.getIndex() >= 0) {
                where.append('[').append(step.getIndex()).append(']');
            }
        }
        return where.isEmpty() ? "the value" : where.toString();
    }

    // Paths name the record components; the wire names are their snake_case forms (WireJson's naming).
    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Jackson's own text without its code references: backquoted names ({@code `java.lang.Double`},
     * {@code `StreamReadConstraints.getMaxStringLength()`}) and source locations.
     */
    static String plain(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceAll("\\s*\\(?start marker at \\[Source:[^\\]]*\\][^)]*\\)?", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll(",?\\s*from `[^`]*`", "")
                .replaceAll("`[^`]*`", "a value")
                .replaceAll("\\s+", " ").strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
    }
}
