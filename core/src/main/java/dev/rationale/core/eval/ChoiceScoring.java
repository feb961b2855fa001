// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.scoring.ChoiceRanking;
import dev.rationale.core.scoring.ChoiceScore;
import dev.rationale.core.scoring.ChoiceScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one {@link ScoringJob} on the calling thread: the prompt is the one the generation run sends for the same
 * variant and case on the same backend and model ({@link PromptShaper}); each option is written as an answer-only
 * exemplar writes an answer ({@link PromptRenderer#answerText}) and scored as the prompt's continuation. A text
 * prompt ends right after the cue, so a continuation there starts with a space, as the model's own first token
 * would.
 */
final class ChoiceScoring {
    private final Task task;
    private final String taskId;

    ChoiceScoring(Task task, String taskId) {
        this.task = task;
        this.taskId = taskId;
    }

    /** The case's record: scored, or failed with the reason; never throws for a render or backend failure. */
    LikelihoodRecord score(ScoringJob job, ChoiceScorer scorer, CompletionProvider provider) {
        RenderedPrompt prompt;
        List<String> continuations = new ArrayList<>();
        try {
            prompt = PromptShaper.shape(PromptRenderer.draft(task, job.variant(), job.testCase()),
                    provider.intake(job.target().model()), null, null);
            for (String option : job.question().options()) {
                continuations.add(continuation(prompt,
                        PromptRenderer.answerText(task, job.variant(), job.testCase(), option)));
            }
        } catch (ProviderException e) {
            return LikelihoodRecord.failure(taskId, job, e.kind().name(), String.valueOf(e.getMessage()));
        } catch (RationaleException | IllegalArgumentException e) {
            return LikelihoodRecord.failure(taskId, job, "RENDER", String.valueOf(e.getMessage()));
        }
        try {
            return scored(job, scorer.rank(job.target().model(), prompt, continuations));
        } catch (ProviderException e) {
            return LikelihoodRecord.failure(taskId, job, e.kind().name(), String.valueOf(e.getMessage()));
        } catch (RationaleException | IllegalArgumentException e) {
            return LikelihoodRecord.failure(taskId, job, "SCORING", String.valueOf(e.getMessage()));
        }
    }

    static String continuation(RenderedPrompt prompt, String answer) {
        if (prompt instanceof RenderedPrompt.Text text && !text.prompt().isEmpty()
                && !Character.isWhitespace(text.prompt().charAt(text.prompt().length() - 1))) {
            return " " + answer;
        }
        return answer;
    }

    private LikelihoodRecord scored(ScoringJob job, ChoiceRanking ranking) {
        List<String> options = job.question().options();
        List<LikelihoodRecord.OptionScore> scores = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            ChoiceScore score = ranking.scores().get(i);
            scores.add(new LikelihoodRecord.OptionScore(options.get(i), score.logprob(), score.tokens()));
        }
        String pick = options.get(ranking.scores().indexOf(ranking.bestByLogprob()));
        String perToken = options.get(ranking.scores().indexOf(ranking.bestByNormalizedLogprob()));
        return new LikelihoodRecord(taskId, String.valueOf(job.variant().id()), job.target().id(), job.caseId(),
                job.target().endpoint().name(), job.target().model(), LikelihoodRecord.Status.SCORED,
                job.question().accepted(), pick, job.question().isCorrect(pick), perToken,
                job.question().isCorrect(perToken), scores, null, null);
    }
}
