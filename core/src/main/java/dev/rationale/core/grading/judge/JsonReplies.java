// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.answer.ThinkBlock;
import java.util.Optional;

/**
 * Finds the JSON object a judge replied with, wherever a model put it: the whole reply, or inside a code fence, or
 * after its thinking or a sentence of preamble. The first object that parses and has the wanted field wins, so a
 * reply that quotes the question's own JSON first is still read right. Pure and thread-safe.
 */
final class JsonReplies {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonReplies() {
    }

    /** The first JSON object in {@code reply} that has {@code field}, or empty. */
    static Optional<ObjectNode> objectWith(String reply, String field) {
        String text = ThinkBlock.answerOf(reply);
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = closing(text, start);
            if (end < 0) {
                continue;
            }
            Optional<ObjectNode> found = parse(text.substring(start, end + 1));
            if (found.isPresent() && found.get().has(field)) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ObjectNode> parse(String candidate) {
        try {
            JsonNode node = MAPPER.readTree(candidate);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    // The brace that closes the one at start, skipping braces inside strings; -1 when it never closes.
    private static int closing(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
