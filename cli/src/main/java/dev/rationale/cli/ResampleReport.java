// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.analysis.AnswerAgreement;
import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.answer.AnswerExtractor;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.run.ResamplePoint;
import dev.rationale.core.run.ResampleRoute;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What {@code rationale resample} prints: one JSON object (its field names are part of the CLI contract), or a
 * readable table per point.
 *
 * @param original the original answer as extracted (null when none) and its whole text
 * @param route how the backend continued: {@code engine}, {@code text-prompt} or {@code prefill}
 * @param temperature the continuations' temperature
 * @param samples continuations per point
 * @param points each point with its continuations' answers
 */
@JsonPropertyOrder({"original", "route", "temperature", "samples", "points"})
record ResampleReport(Original original, String route, double temperature, int samples, List<Point> points) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The original answer. */
    @JsonPropertyOrder({"answer", "text"})
    record Original(@Nullable String answer, String text) {
    }

    /**
     * One point and what its continuations answered.
     *
     * @param label e.g. {@code "token 5"} or {@code "step 2"}
     * @param position the kept tokens' count, -1 when the point is not at a token
     * @param before the answer's text before the point
     * @param answers each continuation's answer, null where none was found
     * @param distribution the distinct answers with their counts and shares of all continuations
     * @param missing continuations without an answer
     * @param kept continuations that reached the original answer
     * @param keptShare their share
     */
    @JsonPropertyOrder({"label", "position", "before", "answers", "distribution", "missing", "kept", "keptShare"})
    record Point(String label, int position, String before, List<@Nullable String> answers,
            List<AnswerAgreement.Vote> distribution, int missing, int kept, double keptShare) {
    }

    static ResampleReport of(CompletionResult.Sample original, AnswerFormat format, ResampleRoute route,
            double temperature, int samples, List<@Nullable ResampleTally> tallies, List<ResamplePoint> points) {
        List<Point> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ResamplePoint point = points.get(i);
            ResampleTally tally = tallies.get(i);
            if (tally != null) {
                rows.add(new Point(point.label(), point.position(), point.before(), tally.answers(),
                        tally.distribution().votes(), tally.distribution().missing(), tally.kept(),
                        tally.keptShare()));
            }
        }
        String answer = AnswerExtractor.of(format).extract(original.text()).orElse(null);
        return new ResampleReport(new Original(answer, original.text()),
                route.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), temperature, samples, rows);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original answer, then per point its distribution; several points as one row each. */
    void print(PrintWriter out) {
        out.println("Original answer: " + shown(original.answer()));
        out.printf(Locale.ROOT, "%d continuations per point at temperature %.2f (%s)%n", samples, temperature,
                route.replace('-', ' '));
        if (points.size() == 1) {
            Point point = points.getFirst();
            out.println("From " + point.label() + ", after: " + tail(point.before()));
            TextTable table = new TextTable("answer", "count", "share");
            point.distribution().forEach(v -> table.row(v.answer(), String.valueOf(v.count()), percent(v.share())));
            if (point.missing() > 0) {
                table.row("(no answer)", String.valueOf(point.missing()),
                        percent((double) point.missing() / point.answers().size()));
            }
            table.print(out);
            out.println("Kept the original answer: " + point.kept() + " of " + point.answers().size() + " ("
                    + percent(point.keptShare()) + ")");
            return;
        }
        TextTable table = new TextTable("point", "kept", "share", "answers");
        for (Point point : points) {
            String answers = point.distribution().stream().map(v -> v.answer() + " " + v.count())
                    .collect(Collectors.joining(", "));
            if (point.missing() > 0) {
                answers += (answers.isEmpty() ? "" : ", ") + "(no answer) " + point.missing();
            }
            table.row(point.label(), point.kept() + "/" + point.answers().size(), percent(point.keptShare()),
                    answers);
        }
        table.print(out);
    }

    private static String shown(@Nullable String answer) {
        return answer == null ? "(none found)" : answer;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    // The last words before the point, on one line.
    private static String tail(String before) {
        String flat = before.replace("\n", " ⏎ ").strip();
        return flat.isEmpty() ? "(the start)" : flat.length() <= 60 ? "\"" + flat + "\""
                : "\"…" + flat.substring(flat.length() - 59) + "\"";
    }
}
