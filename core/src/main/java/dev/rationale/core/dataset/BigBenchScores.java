// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The options of a BIG-bench multiple-choice example ({@code target_scores}) and which of them are correct. */
final class BigBenchScores {
    private BigBenchScores() {
    }

    /** The options in file order, each with its score; at least two, not all scored alike. */
    static List<Choice> choices(JsonNode scores, String source, int line, String path) {
        String field = path + ".target_scores";
        if (!scores.isObject()) {
            throw DatasetException.at(source, line, field + " must be an object of option to score, got "
                    + JsonValues.kind(scores));
        }
        List<Choice> choices = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : scores.properties()) {
            JsonNode score = entry.getValue();
            if (!score.isNumber()) {
                throw DatasetException.at(source, line, field + ": the score of \"" + entry.getKey()
                        + "\" must be a number, got " + JsonValues.kind(score));
            }
            if (entry.getKey().isBlank()) {
                throw DatasetException.at(source, line, field + " has an empty option");
            }
            choices.add(new Choice(entry.getKey(), score.doubleValue()));
        }
        if (choices.size() < 2) {
            throw DatasetException.at(source, line, field + " needs at least two options, got " + choices.size());
        }
        double best = best(choices, true);
        if (best == best(choices, false)) {
            throw DatasetException.at(source, line, field + ": every option scores " + plain(best)
                    + ", so none is the answer");
        }
        return choices;
    }

    /** The texts of the options with the highest score, in file order; ties are all correct. */
    static List<String> best(List<Choice> choices) {
        double top = best(choices, true);
        return choices.stream().filter(c -> c.score() == top).map(Choice::text).toList();
    }

    private static double best(List<Choice> choices, boolean highest) {
        return choices.stream().mapToDouble(Choice::score).reduce(highest ? Math::max : Math::min).orElseThrow();
    }

    // A score of 1 reads as "1", not "1.0".
    private static String plain(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }
}
