// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.promptset.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of a multiple-choice case as datasets write them, BIG-bench's {@code target_scores}: an object of
 * option text to score, in file order. BIG-bench examples, JSON Lines fields and CSV cells all use this one shape.
 */
final class TargetScores {
    /** The field (BIG-bench, JSON Lines) or column (CSV) that holds the options. */
    static final String FIELD = "target_scores";

    private TargetScores() {
    }

    /**
     * The options in file order, each with its score: at least two, with finite scores, not all scored alike.
     *
     * @param field how messages name the object, e.g. {@code examples[3].target_scores}
     */
    static List<Choice> choices(JsonNode scores, String source, int line, String field) {
        if (!scores.isObject()) {
            throw DatasetException.at(source, line, field + " must be an object of option to score, got "
                    + JsonValues.kind(scores));
        }
        List<Choice> choices = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : scores.properties()) {
            JsonNode score = entry.getValue();
            // A number too large for a double (1e999) reads as infinity, which no ranking can use.
            if (!score.isNumber() || !Double.isFinite(score.doubleValue())) {
                throw DatasetException.at(source, line, field + ": the score of \"" + entry.getKey()
                        + "\" must be a finite number, got " + (score.isNumber() ? score.asText()
                                : JsonValues.kind(score)));
            }
            if (entry.getKey().isBlank()) {
                throw DatasetException.at(source, line, field + " has an empty option");
            }
            choices.add(Choice.of(entry.getKey(), score.doubleValue()));
        }
        if (choices.size() < 2) {
            throw DatasetException.at(source, line, field + " needs at least two options, got " + choices.size());
        }
        if (Choice.top(choices).size() == choices.size()) {
            throw DatasetException.at(source, line, field + ": every option scores "
                    + plain(choices.getFirst().score()) + ", so none is the answer");
        }
        return choices;
    }

    // A score of 1 reads as "1", not "1.0".
    private static String plain(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }
}
