// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Puts right the text events of a server that sends token texts as it cut them and, in raw mode, the model's
 * output unparsed: each sample's scored tokens get their texts rebuilt from their bytes ({@link Utf8TokenJoiner}),
 * and, when a splitter is given, its answer text is split into reasoning and answer ({@link ThinkTagSplitter}),
 * text held back by the splitter being released before the sample's end. Other events pass unchanged. One instance
 * per stream, one thread.
 */
public final class StreamTextNormalizer {

    private final @Nullable Supplier<ThinkTagSplitter> splitters;
    private final Map<Integer, Utf8TokenJoiner> joiners = new HashMap<>();
    private final Map<Integer, ThinkTagSplitter> splitting = new HashMap<>();

    private StreamTextNormalizer(@Nullable Supplier<ThinkTagSplitter> splitters) {
        this.splitters = splitters;
    }

    /** Rebuilds token texts only: the server already keeps reasoning apart. */
    public static StreamTextNormalizer tokensOnly() {
        return new StreamTextNormalizer(null);
    }

    /** Rebuilds token texts and splits {@code <think>} blocks out of output continuing {@code prompt}. */
    public static StreamTextNormalizer splittingThinkTags(String prompt) {
        return new StreamTextNormalizer(() -> ThinkTagSplitter.forPrompt(prompt));
    }

    /** The events to pass on for {@code events}, in order. */
    public List<CompletionEvent> apply(List<CompletionEvent> events) {
        List<CompletionEvent> out = new ArrayList<>(events.size());
        for (CompletionEvent event : events) {
            switch (event) {
                case TokensScored scored -> out.add(new TokensScored(scored.sample(), scored.tokens().stream()
                        .map(joiners.computeIfAbsent(scored.sample(), s -> new Utf8TokenJoiner())::join).toList()));
                case TextDelta delta when splitters != null -> addPieces(delta.sample(),
                        splitter(delta.sample()).feed(delta.text()), out);
                case SampleFinished finished -> {
                    flush(finished.sample(), out);
                    out.add(finished);
                }
                default -> out.add(event);
            }
        }
        return out;
    }

    /** Text still held back by any sample, for a stream that ended without its samples' ends (a cut). */
    public List<CompletionEvent> finish() {
        List<CompletionEvent> out = new ArrayList<>();
        for (Integer sample : List.copyOf(splitting.keySet())) {
            flush(sample, out);
        }
        return out;
    }

    private ThinkTagSplitter splitter(int sample) {
        return splitting.computeIfAbsent(sample, s -> splitters.get());
    }

    private void flush(int sample, List<CompletionEvent> out) {
        ThinkTagSplitter splitter = splitting.remove(sample);
        if (splitter != null) {
            addPieces(sample, splitter.finish(), out);
        }
    }

    private static void addPieces(int sample, List<ThinkTagSplitter.Piece> pieces, List<CompletionEvent> out) {
        for (ThinkTagSplitter.Piece piece : pieces) {
            out.add(piece.reasoning() ? new ReasoningDelta(sample, piece.text()) : new TextDelta(sample, piece.text()));
        }
    }
}
