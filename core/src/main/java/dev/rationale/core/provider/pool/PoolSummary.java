// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.PoolHealth;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a pool's health reads, the same in the command line's progress, Evaluate's and the Endpoints screen. */
public final class PoolSummary {

    private PoolSummary() {
    }

    /**
     * One short line for a progress display, e.g. {@code lab: gpu1 8/8 31/s · gpu2 out 1.6s, 14 failed · gpu3 6/6
     * (of 8) 29/s, 2 429s}: per member, requests in flight of its limit (and its ceiling when 429s lowered it),
     * answers per second, and failures; or that it is out, and for how long yet, or being probed.
     */
    public static String compact(PoolHealth pool) {
        return pool.name() + ": " + pool.members().stream().map(PoolSummary::compact)
                .collect(Collectors.joining(" · "));
    }

    static String compact(MemberHealth member) {
        String state = switch (member.state()) {
            case SERVING -> member.inFlight() + "/" + member.limit()
                    + (member.limit() < member.ceiling() ? " (of " + member.ceiling() + ")" : "")
                    + " " + rate(member.perSecond());
            case OUT -> "out" + (waiting(member)
                    ? String.format(Locale.ROOT, " %.1fs", member.backIn().toMillis() / 1000.0) : "");
            case PROBING -> "probing";
        };
        return member.endpoint() + " " + state + counts(member);
    }

    /**
     * A member's whole state in words, e.g. {@code serving, 6 of 8 in flight, 31.2 answers/s; 230 answered, 0
     * failed, 2 answered 429 (limit lowered to 6); last error: ...}.
     */
    public static String detail(MemberHealth member) {
        String state = switch (member.state()) {
            case SERVING -> String.format(Locale.ROOT, "serving, %d of %d in flight, %.1f answers/s",
                    member.inFlight(), member.limit(), member.perSecond());
            case OUT -> "out after failing" + (waiting(member)
                    ? String.format(Locale.ROOT, ", probed again in %.1f s", member.backIn().toMillis() / 1000.0)
                    : ", probed with the next request");
            case PROBING -> "being probed with one request";
        };
        String lowered = member.limit() < member.ceiling()
                ? " (limit lowered from " + member.ceiling() + " to " + member.limit() + ")" : "";
        String last = member.lastError() == null ? "" : "; last error: " + member.lastError();
        return state + "; " + member.answered() + " answered, " + member.failed() + " failed, "
                + member.rateLimited() + " answered 429" + lowered + last;
    }

    // A slow server's rate keeps its tenths (0.4/s is not 0/s); a fast one's is whole.
    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f/s" : "%.0f/s", perSecond);
    }

    // An out member whose back-off is over is probed by the next request sent: no time is left to show.
    private static boolean waiting(MemberHealth member) {
        return member.backIn() != null && member.backIn().toMillis() >= 50;
    }

    private static String counts(MemberHealth member) {
        StringBuilder out = new StringBuilder();
        if (member.failed() > 0) {
            out.append(", ").append(member.failed()).append(" failed");
        }
        if (member.rateLimited() > 0) {
            out.append(", ").append(member.rateLimited()).append(" 429s");
        }
        return out.toString();
    }
}
