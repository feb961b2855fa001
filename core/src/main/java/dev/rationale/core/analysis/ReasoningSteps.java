// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerExtractor;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.ThinkTagSplitter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a sample's reasoning chain into steps, finds its final answer, and scores both with the sample's tokens.
 *
 * <p><b>Where the chain is.</b> In this order:
 * <ol>
 *   <li>the sample's {@code reasoning()}, when not blank (a separate reasoning field, or a {@code <think>} block the
 *       provider already split off); the final answer is then extracted from the whole {@code text()};</li>
 *   <li>a {@code <think>…</think>} block opening the {@code text()} (a backend that left the tags in): the chain is
 *       inside the tags, the answer is extracted from the text after the closing tag (none when it is missing);</li>
 *   <li>otherwise the rationale is the {@code text()} before the extracted answer ("6 × 7 = 42, so the answer is
 *       42." gives the chain "6 × 7 = 42, so the answer is" and the answer 42); the text after the answer is in
 *       neither. Without an answer, or one that does not occur in the text, all the text is the chain.</li>
 * </ol>
 * The chain is split into steps by two rules: each non-blank line is a step (blank lines and single line breaks
 * both separate steps; numbered and bulleted lines such as {@code "1."}, {@code "Step 2:"}, {@code "- "} are steps
 * with their markers); a chain that is one line is split at sentence ends instead: {@code . ! ?} followed by
 * blanks and an upper-case letter or a digit, where a period after a leading number is a list marker. Steps are
 * trimmed and never empty. The package-private {@code StepSplitter} holds the details.
 *
 * <p><b>Scores.</b> The tokens' texts are joined and lined up with the sample's strings as {@link TokenAlignment}
 * describes. A passage in a field that does not line up gets no tokens and no confidence: steps without scores
 * rather than wrong scores.
 *
 * <p><b>The answer's place.</b> The extractor gives only the answer, so it is located where the rule read it: its
 * occurrences (ignoring case, whole words and numbers only) are masked one at a time, last first, and the first
 * whose masking changes what the rule extracts is taken; when none does, the last one.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ReasoningSteps {
    private final AnswerExtractor extractor;

    private ReasoningSteps(AnswerExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Steps for samples of a task with this answer format.
     *
     * @throws IllegalArgumentException if the format's regex rule has no valid pattern (see {@link AnswerExtractor#of})
     */
    public static ReasoningSteps of(AnswerFormat format) {
        return new ReasoningSteps(AnswerExtractor.of(format));
    }

    /** Steps that read the final answer with the given extractor. */
    public static ReasoningSteps using(AnswerExtractor extractor) {
        return new ReasoningSteps(extractor);
    }

    /** The chain of one sample. */
    public ReasoningChain analyze(CompletionResult.Sample sample) {
        return analyze(sample.reasoning(), sample.text(), sample.tokens());
    }

    /**
     * The chain of a sample given by its parts.
     *
     * @param reasoning the reasoning kept apart from the answer; empty when there is none
     * @param text the answer text
     * @param tokens the scored tokens, in order; empty when the backend gave none
     */
    public ReasoningChain analyze(String reasoning, String text, List<ScoredToken> tokens) {
        return analyze(TokenMap.align(tokens, reasoning, text), Layout.of(reasoning, text), reasoning, text);
    }

    /**
     * The chain written in the answer text itself (rules 2 and 3 above), even when a reasoning field (a model's
     * thinking) is kept apart: for showing the answer's own steps apart from the thinking. The tokens are still
     * lined up with both fields, so the passages' token indexes count the thinking's tokens too.
     */
    public ReasoningChain analyzeAnswer(String reasoning, String text, List<ScoredToken> tokens) {
        return analyze(TokenMap.align(tokens, reasoning, text), Layout.of("", text), reasoning, text);
    }

    private ReasoningChain analyze(TokenMap tokenMap, Layout layout, String reasoning, String text) {
        String answer = extractor.extract(layout.answerRegion().of(text)).orElse(null);
        Range answerRange = answer == null ? null
                : AnswerLocator.locate(extractor, text, layout.answerRegion(), answer);
        Range chainRegion = layout.chainRegion() != null ? layout.chainRegion()
                : new Range(0, answerRange == null ? text.length() : answerRange.start());
        String chain = layout.field() == SampleField.REASONING ? reasoning : text;
        List<Passage> steps = StepSplitter.split(chain, chainRegion).stream()
                .map(step -> tokenMap.passage(layout.field(), chain, step))
                .toList();
        Passage answerPassage = answerRange == null ? null : tokenMap.passage(SampleField.TEXT, text, answerRange);
        return new ReasoningChain(steps, answer, answerPassage, tokenMap.alignment());
    }

    /**
     * Where the chain and the answer are looked for.
     *
     * @param chainRegion the chain's characters in the field; null when it ends where the answer starts
     * @param answerRegion the characters of the text the answer is extracted from
     */
    private record Layout(SampleField field, @Nullable Range chainRegion, Range answerRegion) {

        static Layout of(String reasoning, String text) {
            Range wholeText = new Range(0, text.length());
            if (!reasoning.isBlank()) {
                return new Layout(SampleField.REASONING, new Range(0, reasoning.length()), wholeText);
            }
            int open = 0;
            while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
                open++;
            }
            if (!text.startsWith(ThinkTagSplitter.OPEN, open)) {
                return new Layout(SampleField.TEXT, null, wholeText);
            }
            int inside = open + ThinkTagSplitter.OPEN.length();
            int close = text.indexOf(ThinkTagSplitter.CLOSE, inside);
            if (close < 0) {
                return new Layout(SampleField.TEXT, new Range(inside, text.length()), Range.empty(text.length()));
            }
            return new Layout(SampleField.TEXT, new Range(inside, close),
                    new Range(close + ThinkTagSplitter.CLOSE.length(), text.length()));
        }
    }
}
