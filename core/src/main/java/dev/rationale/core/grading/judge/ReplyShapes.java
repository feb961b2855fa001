// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.ReplySchema;

/**
 * The JSON shapes of the judge's replies, for backends with structured output: every property required and no
 * others (OpenAI's strict mode wants both), the reason first so that it is written before the verdict.
 */
final class ReplyShapes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** {@code {"reason": string, "score": integer}}. */
    static final ReplySchema RUBRIC = shape("judge_score", "score", JSON.objectNode().put("type", "integer"));

    /** {@code {"reason": string, "winner": "A" | "B" | "tie"}}. */
    static final ReplySchema PAIRWISE = shape("judge_pair", "winner", winner());

    private ReplyShapes() {
    }

    private static ReplySchema shape(String name, String verdict, ObjectNode verdictType) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("reason").put("type", "string");
        properties.set(verdict, verdictType);
        schema.putArray("required").add("reason").add(verdict);
        schema.put("additionalProperties", false);
        return new ReplySchema(name, schema);
    }

    private static ObjectNode winner() {
        ObjectNode winner = JSON.objectNode().put("type", "string");
        winner.putArray("enum").add("A").add("B").add("tie");
        return winner;
    }
}
