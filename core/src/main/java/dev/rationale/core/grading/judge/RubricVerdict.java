// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A rubric judge's reply read: a score on the scale with the judge's reason, or why the reply gives none. A score is
 * a JSON number, or a string holding only one; a score outside the scale is no score.
 *
 * @param score the score, or null when the reply gives none that counts
 * @param note the judge's reason with a score, else why there is none
 */
record RubricVerdict(@Nullable Double score, String note) {

    static RubricVerdict read(String reply, int min, int max) {
        Optional<ObjectNode> found = JsonReplies.objectWith(reply, "score");
        if (found.isEmpty()) {
            return new RubricVerdict(null, "the judge's reply has no JSON object with a score");
        }
        JsonNode value = found.get().get("score");
        Double score = number(value);
        if (score == null) {
            return new RubricVerdict(null, "the judge's score is not a number: " + value);
        }
        if (score < min || score > max) {
            return new RubricVerdict(null, "the judge's score " + plain(score) + " is outside the scale " + min
                    + "-" + max);
        }
        JsonNode reason = found.get().get("reason");
        return new RubricVerdict(score, reason == null || reason.isNull() ? "" : reason.asText());
    }

    private static @Nullable Double number(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.asText().strip());
                return Double.isFinite(parsed) ? parsed : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String plain(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }
}
