// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.analysis.ReasoningChain;
import dev.rationale.core.analysis.ReasoningSteps;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.ScoredToken;
import java.util.List;

/**
 * The reasoning steps Output shows for an answer, and whether they came from the thinking.
 *
 * <p>Thinking is shown once, folded above the answer (issue 15). So the steps are the answer's own: the reasoning
 * the answer text writes before its final answer. Only when the answer has none (a thinking model that answers
 * with the bare result) are the thinking's steps shown, labelled as such, because a chain of steps with
 * confidences is still the most useful reading of why it answered so, and resampling from a step needs steps.
 * Resampling reads these same steps, so "step 3" means the same thing in the list and in its results.
 *
 * @param fromThinking the steps are the thinking's, as the answer has no reasoning of its own
 */
record ShownSteps(ReasoningChain chain, boolean fromThinking) {

    static ShownSteps of(AnswerFormat format, String thinking, String text, List<ScoredToken> tokens) {
        ReasoningSteps steps = ReasoningSteps.of(format);
        ReasoningChain answer = steps.analyzeAnswer(thinking, text, tokens);
        if (!answer.steps().isEmpty() || thinking.isBlank()) {
            return new ShownSteps(answer, false);
        }
        return new ShownSteps(steps.analyze(thinking, text, tokens), true);
    }

}
