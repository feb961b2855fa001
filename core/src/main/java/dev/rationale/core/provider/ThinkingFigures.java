// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How thinking is counted where people read it (Output, Compare, the Evaluate grid, History, the command line): its
 * tokens, where the backend counts them, and its time. Pure.
 */
public final class ThinkingFigures {

    private ThinkingFigures() {
    }

    /** E.g. {@code "212 tokens · 3.4 s"}; either part is left out when unknown; empty when both are. */
    public static String of(@Nullable Number tokens, @Nullable Double millis) {
        List<String> parts = new ArrayList<>();
        if (tokens != null && tokens.longValue() > 0) {
            parts.add(tokens.longValue() + (tokens.longValue() == 1 ? " token" : " tokens"));
        }
        if (millis != null) {
            parts.add(seconds(millis));
        }
        return String.join(" · ", parts);
    }

    /** The thinking of one completion. */
    public static String of(@Nullable Usage usage, @Nullable Timings timings) {
        return of(usage == null ? null : usage.reasoningTokens(), timings == null ? null : timings.thinkingMillis());
    }

    /** A duration as people read it: "850 ms", "3.4 s", "2 min 05 s"; "< 1 ms" for less. */
    public static String seconds(double millis) {
        if (millis < 1) {
            return "< 1 ms";
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        long s = Math.round(millis / 1000);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
