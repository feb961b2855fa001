// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the end rule of {@link Utf8TokenJoiner} to a stream whose tokens were already joined: a character still
 * unfinished when its sample ends shows as U+FFFD in the last token's text. A scored-tokens event that leaves a
 * character unfinished is held back, with the stream-wide events after it (usage, notices), until the next event of
 * a sample, which says whether the sample ended there; events keep their order, only their delivery waits. One
 * instance per stream, one thread.
 */
final class CutCharacterHold {

    /** Per sample, the bytes of the tokens passed so far, to know whether a character is unfinished. */
    private final Map<Integer, Utf8TokenJoiner> bytes = new HashMap<>();
    /** The held tokens event first, then the stream-wide events that came after it; empty when none is held. */
    private final List<CompletionEvent> held = new ArrayList<>();

    /** The events to pass on for {@code event}, in order: possibly those held before, possibly none. */
    List<CompletionEvent> pass(CompletionEvent event) {
        if (!held.isEmpty() && (event instanceof UsageReported || event instanceof Notice)) {
            held.add(event);
            return List.of();
        }
        List<CompletionEvent> out = new ArrayList<>(release(!held.isEmpty() && event instanceof SampleFinished f
                && f.sample() == ((TokensScored) held.getFirst()).sample()));
        if (event instanceof TokensScored scored && leavesUnfinished(scored)) {
            held.add(scored);
        } else {
            out.add(event);
        }
        return out;
    }

    /** What is still held at the end of the stream, the cut character closed; empty when nothing is held. */
    List<CompletionEvent> end() {
        return release(true);
    }

    private List<CompletionEvent> release(boolean sampleEnded) {
        if (held.isEmpty()) {
            return List.of();
        }
        List<CompletionEvent> out = new ArrayList<>(held);
        held.clear();
        if (sampleEnded) {
            out.set(0, cut((TokensScored) out.getFirst()));
        }
        return out;
    }

    private boolean leavesUnfinished(TokensScored scored) {
        Utf8TokenJoiner joiner = bytes.computeIfAbsent(scored.sample(), s -> new Utf8TokenJoiner());
        scored.tokens().forEach(token -> joiner.next(token.bytes(), token.text()));
        return joiner.hasCarriedBytes();
    }

    private TokensScored cut(TokensScored scored) {
        String rest = bytes.get(scored.sample()).finish();
        List<ScoredToken> tokens = new ArrayList<>(scored.tokens());
        ScoredToken last = tokens.removeLast();
        tokens.add(new ScoredToken(last.text() + rest, last.bytes(), last.logprob(), last.top()));
        return new TokensScored(scored.sample(), tokens);
    }
}
