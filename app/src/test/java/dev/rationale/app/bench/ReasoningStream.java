// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.bench;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reasoning model's answer as a provider delivers it, event by event: first its thinking (a reasoning delta and
 * the token scored, one token at a time, as the embedded engine sends them), then its answer (a text delta and
 * the token scored), each token with its bytes, its log-probability and its five most likely alternatives, then
 * usage, the finish and the end. The text is made of words, numbers and punctuation in paragraphs of 30 to 180
 * tokens, some of them list items, so lines wrap and paragraphs grow long as in a real answer; most tokens are
 * near certain and a few are hesitant, as in a real heat map. The same seed gives the same stream.
 */
final class ReasoningStream {

    private static final String[] WORDS = {" the", " answer", " is", " so", " we", " add", " then", " each",
        " step", " total", " of", " and", " to", " check", " that", " apples", " costs", " which", " gives",
        " because", " therefore", " remaining", " multiply", " divide", " first", " second", " it", " by",
        " number", " equals", " per", " left", " half", " more", " than", " result", " Let", " me", " think",
        " about", " wait", " actually", " compute", " over", " under", " sum", " difference", " price"};
    private static final String[] PUNCTUATION = {".", ",", ":", " =", " +", " ×", ")", " ("};

    private final SplittableRandom random;

    ReasoningStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The events of {@code thinking} thinking tokens then {@code answer} answer tokens, in order. */
    List<CompletionEvent> events(int thinking, int answer) {
        List<CompletionEvent> events = new ArrayList<>(2 * (thinking + answer) + 4);
        for (ScoredToken token : tokens(thinking)) {
            events.add(new CompletionEvent.ReasoningDelta(0, token.text()));
            events.add(new CompletionEvent.TokensScored(0, List.of(token)));
        }
        for (ScoredToken token : tokens(answer)) {
            events.add(new CompletionEvent.TextDelta(0, token.text()));
            events.add(new CompletionEvent.TokensScored(0, List.of(token)));
        }
        events.add(new CompletionEvent.UsageReported(new Usage(200, thinking + answer, thinking)));
        events.add(new CompletionEvent.SampleFinished(0, FinishReason.STOP));
        events.add(new CompletionEvent.Completed(new Timings(null, 0)));
        return events;
    }

    private List<ScoredToken> tokens(int count) {
        List<ScoredToken> tokens = new ArrayList<>(count);
        int paragraphLeft = paragraphLength();
        for (int i = 0; i < count; i++) {
            String text;
            if (i == count - 1) {
                text = " 42.";
            } else if (paragraphLeft-- <= 0) {
                text = random.nextInt(3) == 0 ? "\n- " : "\n\n";
                paragraphLeft = paragraphLength();
            } else {
                text = word();
            }
            tokens.add(scored(text));
        }
        return tokens;
    }

    private int paragraphLength() {
        return 30 + random.nextInt(150);
    }

    private String word() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return PUNCTUATION[random.nextInt(PUNCTUATION.length)];
        }
        if (kind == 1) {
            return " " + random.nextInt(1000);
        }
        return WORDS[random.nextInt(WORDS.length)];
    }

    private ScoredToken scored(String text) {
        // Most tokens are near certain; one in eight hesitates, down to a few percent.
        double logprob = random.nextInt(8) == 0 ? -random.nextDouble(0.1, 4) : -random.nextDouble(0.001, 0.05);
        List<TokenAlternative> top = new ArrayList<>(5);
        top.add(new TokenAlternative(text, logprob));
        double next = Math.min(logprob, Math.log1p(-Math.exp(logprob)));
        for (int k = 1; k < 5; k++) {
            next -= random.nextDouble(0.2, 2);
            top.add(new TokenAlternative(word(), next));
        }
        List<Integer> bytes = new ArrayList<>();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return new ScoredToken(text, bytes, logprob, top);
    }
}
