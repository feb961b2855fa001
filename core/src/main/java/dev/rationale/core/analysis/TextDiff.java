// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts, for comparing two reasoning chains side by side.
 *
 * <p>Both texts are cut into tokens: runs of letters, digits and underscores (a word or a number), runs of
 * whitespace, and single other characters (punctuation, symbols), so "42." and "42!" differ only in the mark. The
 * token lists are compared with Myers' algorithm (java-diff-utils) and the result is given as segments, with all
 * whitespace kept: the {@link Kind#EQUAL} and {@link Kind#DELETED} segments joined give text A exactly, the
 * {@link Kind#EQUAL} and {@link Kind#INSERTED} segments joined give text B ({@link #textA}, {@link #textB}).
 *
 * <p>Within a change the deleted segment comes before the inserted one, and neighbouring segments never have the
 * same kind. A lone blank left equal between two replacements is folded into them ("the cat" → "a dog" is one
 * replacement, not two around an equal space), since a diff of prose reads better by phrase than word by word.
 *
 * <p>Static and pure; safe from any thread. Each call uses its own diff algorithm instance rather than the
 * library's settable global default.
 */
public final class TextDiff {
    private static final Pattern TOKEN = Pattern.compile("[\\s\\p{Z}]+|[\\p{L}\\p{M}\\p{N}_]+|.", Pattern.DOTALL);

    /** What a segment is to the two texts. */
    public enum Kind {
        /** In both texts. */
        EQUAL,
        /** Only in text A. */
        DELETED,
        /** Only in text B. */
        INSERTED
    }

    /** A run of text, never empty. */
    public record Segment(Kind kind, String text) {
    }

    private TextDiff() {
    }

    /** The segments that turn text A into text B; empty when both are empty. */
    public static List<Segment> diff(String a, String b) {
        List<String> tokensA = tokens(a);
        List<String> tokensB = tokens(b);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(tokensA, tokensB, new MyersDiff<String>()).getDeltas();
        List<Segment> raw = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : deltas) {
            Chunk<String> source = delta.getSource();
            add(raw, Kind.EQUAL, tokensA.subList(position, source.getPosition()));
            add(raw, Kind.DELETED, source.getLines());
            add(raw, Kind.INSERTED, delta.getTarget().getLines());
            position = source.getPosition() + source.size();
        }
        add(raw, Kind.EQUAL, tokensA.subList(position, tokensA.size()));
        return DiffSegments.tidy(raw);
    }

    /** Text A: the equal and deleted segments joined. */
    public static String textA(List<Segment> segments) {
        return join(segments, Kind.DELETED);
    }

    /** Text B: the equal and inserted segments joined. */
    public static String textB(List<Segment> segments) {
        return join(segments, Kind.INSERTED);
    }

    /** The tokens the texts are compared by; joined, they give the text back. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
        if (!tokens.isEmpty()) {
            segments.add(new Segment(kind, String.join("", tokens)));
        }
    }

    private static String join(List<Segment> segments, Kind changed) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.kind() == Kind.EQUAL || segment.kind() == changed) {
                text.append(segment.text());
            }
        }
        return text.toString();
    }
}
