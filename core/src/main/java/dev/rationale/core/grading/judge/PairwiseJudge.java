// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.grading.judge.PairVerdict.Outcome;
import dev.rationale.core.grading.judge.PairVerdict.Round;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compares two answers to one question with a judge, asked twice: first with the first answer shown as A, then
 * with the order swapped. Judges favour a position more often than one would like, so a verdict counts for an
 * answer only when both orders name it (or both call it a tie); when they disagree the pair is a tie, marked
 * {@link PairVerdict#inconsistent}. The reply is {@code {"reason": ..., "winner": "A" | "B" | "tie"}}. Thread-safe;
 * blocks while the judge answers.
 */
public final class PairwiseJudge {
    private final @Nullable String criteria;

    /** @param criteria what makes an answer better; null for {@link JudgePrompts#DEFAULT_CRITERIA} */
    public PairwiseJudge(@Nullable String criteria) {
        this.criteria = criteria;
    }

    /**
     * Judges {@code first} against {@code second}.
     *
     * @throws InterruptedException when cancelled while the judge answers
     */
    public PairVerdict judge(JudgeCall call, String question, String first, String second, @Nullable String expected)
            throws InterruptedException {
        Round asShown = round(call, JudgePrompts.pairwise(criteria, question, first, second, expected));
        Round swapped = round(call, JudgePrompts.pairwise(criteria, question, second, first, expected));
        Outcome one = outcome(asShown.winner(), false);
        Outcome other = outcome(swapped.winner(), true);
        if (one == Outcome.UNJUDGED || other == Outcome.UNJUDGED) {
            Round failed = one == Outcome.UNJUDGED ? asShown : swapped;
            return new PairVerdict(Outcome.UNJUDGED, false, failed.reason(), asShown, swapped);
        }
        if (one != other) {
            return new PairVerdict(Outcome.TIE, true, "the order changed the verdict: " + asShown.reason() + " / "
                    + swapped.reason(), asShown, swapped);
        }
        return new PairVerdict(one, false, asShown.reason(), asShown, swapped);
    }

    private static Round round(JudgeCall call, String prompt) throws InterruptedException {
        JudgeExchange exchange = call.ask(prompt, ReplyShapes.PAIRWISE);
        if (exchange.failed()) {
            return new Round(prompt, exchange.reply(), null, "the judge did not answer: " + exchange.failure());
        }
        Optional<ObjectNode> found = JsonReplies.objectWith(exchange.reply(), "winner");
        if (found.isEmpty()) {
            return new Round(prompt, exchange.reply(), null, "the judge's reply has no JSON object with a winner");
        }
        String winner = winner(found.get().get("winner"));
        if (winner == null) {
            return new Round(prompt, exchange.reply(), null, "the judge's winner is not A, B or tie: "
                    + found.get().get("winner"));
        }
        JsonNode reason = found.get().get("reason");
        return new Round(prompt, exchange.reply(), winner, reason == null || reason.isNull() ? "" : reason.asText());
    }

    // "A", "b", "Answer A" and "TIE" are read; anything else names no winner.
    private static @Nullable String winner(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT).replaceFirst("^answer\\s+", "");
        return switch (text) {
            case "a" -> "A";
            case "b" -> "B";
            case "tie" -> "tie";
            default -> null;
        };
    }

    // In the swapped order, A is the second answer.
    private static Outcome outcome(@Nullable String winner, boolean swapped) {
        if (winner == null) {
            return Outcome.UNJUDGED;
        }
        return switch (winner) {
            case "A" -> swapped ? Outcome.SECOND : Outcome.FIRST;
            case "B" -> swapped ? Outcome.FIRST : Outcome.SECOND;
            default -> Outcome.TIE;
        };
    }
}
