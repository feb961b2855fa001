// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shape a reply must take, for a backend with {@link Capabilities#structuredOutput() structured output}: a
 * JSON Schema object of plain types ({@code object}, {@code string}, {@code integer}, {@code number},
 * {@code boolean}, {@code enum}), which every such backend understands. Each backend sends it in its own field; a
 * backend without structured output leaves it out with a notice, and the prompt alone asks for the shape.
 *
 * @param name a short name of the shape, letters, digits, {@code _} and {@code -} (OpenAI requires one)
 * @param schema the JSON Schema; copied, so the record stays unchanged
 */
public record ReplySchema(String name, ObjectNode schema) {

    public ReplySchema {
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a reply schema's name is letters, digits, _ and -, got " + name);
        }
        schema = schema.deepCopy();
    }

    /** A copy of the schema, for a body to embed (the record's own is never handed out to be changed). */
    @Override
    public ObjectNode schema() {
        return schema.deepCopy();
    }

}
