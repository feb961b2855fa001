// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * What one run has said so far, for sample 0: its text and reasoning, scored tokens, notices, and how it ended
 * (finish reason, usage, timings, the statistics line, a failure, the grade). {@link OutputViewModel} feeds it
 * batches of events and exposes its parts. Touch it on the FX thread only.
 */
final class StreamedAnswer {
    // The list behind the observable one, to copy whole at a run's end: the observable list copies element by
    // element through its iterator, some milliseconds of that frame for a long answer.
    private final List<ScoredToken> tokenList = new ArrayList<>();
    final ObservableList<ScoredToken> tokens = FXCollections.observableList(tokenList);
    final ObservableList<String> notices = FXCollections.observableArrayList();
    final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    final ReadOnlyStringWrapper reasoning = new ReadOnlyStringWrapper(this, "reasoning", "");
    final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    final ReadOnlyStringWrapper statistics = new ReadOnlyStringWrapper(this, "statistics", "");
    final ReadOnlyStringWrapper thinkingTitle = new ReadOnlyStringWrapper(this, "thinkingTitle", "Thinking");
    final ReadOnlyObjectWrapper<@Nullable Grade> grade = new ReadOnlyObjectWrapper<>(this, "grade");
    /** The index of the first token of the answer text; the tokens before it are the thinking's. */
    final ReadOnlyIntegerWrapper answerStart = new ReadOnlyIntegerWrapper(this, "answerStart", 0);
    private final StringBuilder textSoFar = new StringBuilder();
    private final StringBuilder reasoningSoFar = new StringBuilder();
    /**
     * The length of the answer text that came after the last score: a batch can end between a token's text and its
     * score, and the tokens do not cover that text yet.
     */
    private int unscoredText;
    @Nullable FinishReason finishReason;
    @Nullable Usage usage;
    @Nullable Timings timings;

    /** The tokens so far, as a list of their own. */
    List<ScoredToken> tokensCopy() {
        return List.copyOf(tokenList);
    }

    void clear() {
        tokens.clear();
        notices.clear();
        textSoFar.setLength(0);
        reasoningSoFar.setLength(0);
        unscoredText = 0;
        text.set("");
        reasoning.set("");
        failure.set("");
        statistics.set("");
        thinkingTitle.set("Thinking");
        grade.set(null);
        answerStart.set(0);
        finishReason = null;
        usage = null;
        timings = null;
    }

    /** Starts from tokens already said (a branch keeps those before the branch point). */
    void keep(List<ScoredToken> kept) {
        tokens.setAll(kept);
        kept.forEach(token -> textSoFar.append(token.text()));
        text.set(textSoFar.toString());
    }

    /** Shows a completion that ended earlier, whole. */
    void showWhole(FinishedCompletion completion) {
        answerStart.set(answerStart(completion.tokens(), List.of(), completion.reasoning(), completion.text()));
        tokens.setAll(completion.tokens());
        textSoFar.append(completion.text());
        reasoningSoFar.append(completion.reasoning());
        text.set(completion.text());
        reasoning.set(completion.reasoning());
        failure.set(completion.failure() == null ? "" : completion.failure());
        statistics.set(OutputText.statistics(completion.timings(), completion.usage(), completion.finishReason(),
                completion.tokens().size()));
        thinkingTitle.set(OutputText.thinkingTitle(completion.usage(), completion.timings()));
        grade.set(completion.grade());
    }

    /**
     * Ends the run: its statistics, its failure if any, and its answer graded by {@code format} against
     * {@code expected} (no grade without a format); returns the state it ended in.
     */
    RunState end(Timings ended, @Nullable ProviderException error, @Nullable AnswerFormat format,
            @Nullable String expected) {
        timings = ended;
        if (error != null) {
            failure.set(error.getMessage());
        }
        statistics.set(OutputText.statistics(ended, usage, finishReason, tokens.size()));
        thinkingTitle.set(OutputText.thinkingTitle(usage, ended));
        if (format != null) {
            String whole = textSoFar.toString();
            grade.set(SingleRunGrading.scored(format, AnswerGrader.of(format).grade(whole, expected), whole,
                    expected));
        }
        return error != null ? RunState.FAILED
                : finishReason == FinishReason.CANCELLED ? RunState.CANCELLED : RunState.COMPLETED;
    }

    /**
     * Adds a batch of events, then returns the event that ended the run (Completed or Failed), or null. The text
     * and tokens are out before the caller handles the end, so what listens for the end sees the whole answer.
     */
    @Nullable CompletionEvent add(List<CompletionEvent> batch) {
        List<ScoredToken> newTokens = new ArrayList<>();
        int textBefore = textSoFar.length();
        int reasoningBefore = reasoningSoFar.length();
        int unscoredBefore = unscoredText;
        @Nullable CompletionEvent end = null;
        for (CompletionEvent event : batch) {
            switch (event) {
                case CompletionEvent.TextDelta d when d.sample() == 0 -> {
                    textSoFar.append(d.text());
                    unscoredText += d.text().length();
                }
                case CompletionEvent.ReasoningDelta d when d.sample() == 0 -> reasoningSoFar.append(d.text());
                case CompletionEvent.TokensScored t when t.sample() == 0 -> {
                    newTokens.addAll(t.tokens());
                    unscoredText = 0;
                }
                case CompletionEvent.Notice n -> notices.add(n.message());
                case CompletionEvent.UsageReported u -> usage = u.usage();
                case CompletionEvent.SampleFinished f when f.sample() == 0 -> finishReason = f.reason();
                case CompletionEvent.Completed c -> end = c;
                case CompletionEvent.Failed f -> end = f;
                default -> {
                    // Other samples, and prompt scores, which the Output view does not show.
                }
            }
        }
        // Set before the tokens arrive, so that what shows them knows at once which are the thinking's. Counted over
        // the text the tokens cover: counting the text of a token whose score is still to come took the start back
        // a token into the thinking for one batch, and the heat map rebuilt itself whole, twice.
        int scoredAdded = textSoFar.length() - textBefore + unscoredBefore - unscoredText;
        if (!sameAnswerStart(newTokens, scoredAdded, reasoningSoFar.length() - reasoningBefore)) {
            answerStart.set(answerStart(tokens, newTokens, reasoningSoFar,
                    textSoFar.subSequence(0, textSoFar.length() - unscoredText)));
        }
        tokens.addAll(newTokens);
        // Copied only when they grew: the answer streams after a long thinking, which a copy a batch would repeat.
        if (textSoFar.length() != textBefore) {
            text.set(textSoFar.toString());
        }
        if (reasoningSoFar.length() != reasoningBefore) {
            reasoning.set(reasoningSoFar.toString());
        }
        return end;
    }

    /**
     * Whether a batch leaves the answer's start where it was, without counting back over the whole answer (a cost
     * that grows with each batch, with the answer): true when the answer has begun, the thinking did not grow, and
     * the scored answer grew by just the text of the batch's tokens, so counting back over them leads where it did
     * before. Not when the start is the last token, whose blank lines the next tokens may let it skip.
     */
    private boolean sameAnswerStart(List<ScoredToken> added, int scoredAdded, int reasoningAdded) {
        int start = answerStart.get();
        if (reasoningAdded != 0 || scoredAdded == 0 || start >= tokens.size() - 1) {
            return false;
        }
        int carried = 0;
        for (ScoredToken token : added) {
            carried += token.text().length();
        }
        return carried == scoredAdded;
    }

    /**
     * Where the answer's tokens start in {@code before} then {@code added}: the answer text is the end of the
     * tokens' texts joined, so the tokens are counted back from the end until they cover it; the rest are the
     * thinking's (a backend that scores thinking tokens, such as the embedded engine). Without thinking, or when
     * the tokens cover only the answer, it is 0. While only thinking has come, it is past the last token.
     */
    static int answerStart(List<ScoredToken> before, List<ScoredToken> added, CharSequence thinking,
            CharSequence answer) {
        if (thinking.isEmpty()) {
            return 0;
        }
        int left = answer.length();
        int index = before.size() + added.size();
        while (index > 0 && left > 0) {
            index--;
            left -= text(before, added, index).length();
        }
        // The blank lines between the thinking and the answer are not worth a line at the top of the heat map.
        int total = before.size() + added.size();
        while (index < total - 1 && text(before, added, index).isBlank()) {
            index++;
        }
        return index;
    }

    private static String text(List<ScoredToken> before, List<ScoredToken> added, int index) {
        return (index < before.size() ? before.get(index) : added.get(index - before.size())).text();
    }
}
