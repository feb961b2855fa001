// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one sample's generated tokens into released text and scored tokens, cutting at stop sequences.
 *
 * <ul>
 *   <li>Text is released in whole tokens, and the texts of the tokens released together always make the text
 *       released with them.</li>
 *   <li>A token holding part of a UTF-8 character is held until the token that completes the character; that
 *       token's text holds the whole character and the earlier ones have empty text (their bytes are exact).</li>
 *   <li>Text that could be the start of a stop sequence is held until it is known not to be one. When a stop
 *       sequence appears, the text before it is released, the token it starts in is cut to that text, and the
 *       stop sequence and anything after it are dropped.</li>
 * </ul>
 * One instance per sample, one thread.
 */
final class SampleWriter {

    /** Where released tokens go. */
    interface Output {
        /** The texts of {@code tokens}, joined in {@code text}; {@code ids} has one entry per token. */
        void release(String text, List<ScoredToken> tokens, List<TokenIds> ids);
    }

    /** A token not yet released; its text may still be cut at a stop sequence. */
    private record Pending(int id, byte[] bytes, String text, double logprob, List<TokenAlternative> top,
            List<Integer> topIds) {
        ScoredToken scored(String shown) {
            return new ScoredToken(shown, TokenTexts.unsigned(bytes), logprob, top);
        }
    }

    private final List<String> stops;
    private final int longestStop;
    private final Utf8TokenJoiner utf8;
    private final Output output;
    private final List<Pending> pending = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();
    private int partialFrom = -1;

    SampleWriter(List<String> stops, Utf8TokenJoiner utf8, Output output) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
        this.longestStop = this.stops.stream().mapToInt(String::length).max().orElse(0);
        this.utf8 = utf8;
        this.output = output;
    }

    /**
     * Adds the next token.
     *
     * @return true when a stop sequence has ended the sample; nothing more may be added then
     */
    boolean add(int id, byte[] bytes, double logprob, List<TokenAlternative> top, List<Integer> topIds) {
        boolean wasPartial = utf8.hasCarriedBytes();
        String text = utf8.push(bytes);
        pending.add(new Pending(id, bytes, text, logprob, top, topIds));
        pendingText.append(text);
        if (utf8.hasCarriedBytes() && (!wasPartial || !text.isEmpty())) {
            partialFrom = pending.size() - 1;
        } else if (!utf8.hasCarriedBytes()) {
            partialFrom = -1;
        }
        int stop = earliestStop();
        if (stop >= 0) {
            releaseBefore(stop);
            return true;
        }
        releaseSafe();
        return false;
    }

    /** Ends the sample without a stop sequence: releases everything held, unfinished characters as U+FFFD. */
    void finish() {
        String rest = utf8.finish();
        if (!rest.isEmpty() && !pending.isEmpty()) {
            Pending last = pending.removeLast();
            pending.add(new Pending(last.id(), last.bytes(), last.text() + rest, last.logprob(), last.top(),
                    last.topIds()));
        }
        release(pending.size(), Integer.MAX_VALUE);
    }

    private int earliestStop() {
        int earliest = -1;
        for (String stop : stops) {
            int at = pendingText.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        return earliest;
    }

    private void releaseSafe() {
        int safe = pendingText.length() - heldBack();
        int count = 0;
        int end = 0;
        for (Pending token : pending) {
            end += token.text().length();
            if (end > safe || count == partialFrom) {
                break;
            }
            count++;
        }
        release(count, Integer.MAX_VALUE);
    }

    private void releaseBefore(int stop) {
        int count = 0;
        int start = 0;
        for (Pending token : pending) {
            if (start >= stop) {
                break;
            }
            start += token.text().length();
            count++;
        }
        release(count, stop);
        pending.clear();
        pendingText.setLength(0);
    }

    /** Releases the first {@code count} pending tokens, their text cut at {@code limit} characters overall. */
    private void release(int count, int limit) {
        if (count == 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        List<ScoredToken> tokens = new ArrayList<>(count);
        List<TokenIds> ids = new ArrayList<>(count);
        for (Pending token : pending.subList(0, count)) {
            String shown = token.text().substring(0, Math.clamp(limit - text.length(), 0, token.text().length()));
            text.append(shown);
            tokens.add(token.scored(shown));
            ids.add(new TokenIds(token.id(), token.topIds()));
        }
        int released = pending.subList(0, count).stream().mapToInt(t -> t.text().length()).sum();
        pending.subList(0, count).clear();
        pendingText.delete(0, released);
        partialFrom = partialFrom < 0 ? -1 : partialFrom - count;
        output.release(text.toString(), tokens, ids);
    }

    /** The length of the longest end of the held text that begins some stop sequence. */
    private int heldBack() {
        for (int length = Math.min(pendingText.length(), longestStop - 1); length > 0; length--) {
            String tail = pendingText.substring(pendingText.length() - length);
            for (String stop : stops) {
                if (stop.startsWith(tail)) {
                    return length;
                }
            }
        }
        return 0;
    }
}
