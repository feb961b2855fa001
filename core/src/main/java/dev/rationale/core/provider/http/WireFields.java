// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rationale.core.provider.ProviderException;

/**
 * Reads the fields of a parsed stream payload the way every backend's wire needs: a field that is absent or
 * {@code null} means "nothing sent" and is tolerated; a field of the wrong JSON type, or a sample index outside
 * the samples asked for, is a {@link MalformedReply} that says where and what came. Pure and thread-safe.
 *
 * @param provider how messages name the backend
 * @param what what holds the fields, e.g. "a stream chunk"; messages read "{@code what}'s {@code field} is …"
 */
public record WireFields(String provider, String what) {

    /** The payload itself, which must be a JSON object. */
    public JsonNode object(JsonNode payload) {
        if (!payload.isObject()) {
            throw MalformedReply.wrongType(provider, what, payload, "a JSON object");
        }
        return payload;
    }

    /** {@code parent[field]} as text; empty when absent or null. */
    public String text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (absent(value)) {
            return "";
        }
        if (!value.isTextual()) {
            throw MalformedReply.wrongType(provider, where(field), value, "text");
        }
        return value.textValue();
    }

    /** {@code parent[field]} as an array to iterate; empty when absent or null. */
    public JsonNode array(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (absent(value)) {
            return MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw MalformedReply.wrongType(provider, where(field), value, "an array");
        }
        return value;
    }

    /** {@code parent[field]} as an object; a missing node (whose fields are all absent) when absent or null. */
    public JsonNode optionalObject(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (absent(value)) {
            return MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw MalformedReply.wrongType(provider, where(field), value, "an object");
        }
        return value;
    }

    /** Element {@code index} of {@code array}, which must be an object. */
    public JsonNode element(JsonNode array, String field, int index) {
        JsonNode value = array.path(index);
        if (!value.isObject()) {
            throw MalformedReply.wrongType(provider, where(field + "[" + index + "]"), value, "an object");
        }
        return value;
    }

    /**
     * Checks that a sample index names one of the {@code samples} asked for.
     *
     * @param name what the index counts, e.g. "choice" or "candidate"
     */
    public static int sampleIndex(String provider, String name, long index, int samples) {
        if (index < 0) {
            throw MalformedReply.of(provider, name + " index " + index + " is negative");
        }
        if (index >= samples) {
            throw MalformedReply.of(provider, name + " index " + index + " but the request asked for " + samples);
        }
        return (int) index;
    }

    private String where(String field) {
        return what + "'s " + field;
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    /** Throws MALFORMED_REPLY for {@code detail} about this payload. */
    public ProviderException malformed(String detail) {
        return MalformedReply.of(provider, what + " " + detail);
    }
}
