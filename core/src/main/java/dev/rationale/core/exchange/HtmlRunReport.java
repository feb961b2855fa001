// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static dev.rationale.core.exchange.HtmlText.escape;
import static dev.rationale.core.exchange.HtmlText.percent;

import dev.rationale.core.analysis.TokenHeat;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.eval.CalibrationBins;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.eval.paired.CaseIndex;
import dev.rationale.core.eval.paired.RunVerdicts;
import dev.rationale.core.grading.ScoreText;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCellScores;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.Tally;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A run as one self-contained HTML page: what ran, the score grid with 95% Wilson intervals, each variant against
 * the first on the same cases ({@link HtmlPairedSection}), the accuracy and calibration charts (inline SVG), and
 * every case with each completion's answer, grade and token heat map (tokens coloured by probability, their
 * alternatives in the title) under the request as sent (folded, with what was adapted for the backend). Inline CSS,
 * no scripts, nothing loaded from anywhere; every text from the run is escaped. Accuracy here is per completion,
 * correct over graded, as the history counts.
 */
public final class HtmlRunReport {
    private static final String STYLE = style();
    // The cases' part of the page, in characters (about bytes: most of it is markup): with the summary, the grid
    // and the charts, a page of at most about 5 MB, which a browser opens at once.
    private static final int CASES_BUDGET_CHARS = 4_500_000;
    private static final int WRONG_BUDGET_CHARS = 3_600_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlRunReport() {
    }

    /** The page for {@code snapshot}, its costs at the shipped prices. Pure. */
    public static String render(RunSnapshot snapshot) {
        return render(snapshot, PriceTable.shipped());
    }

    /** The page for {@code snapshot}, its costs at {@code prices}. Pure. */
    public static String render(RunSnapshot snapshot, PriceTable prices) {
        return render(ReportSource.of(snapshot), prices);
    }

    /**
     * The page for {@code run}, read from its history a completion at a time: memory holds the cases' grades and
     * the completions shown, not the run. Costs are worked out from the tokens the history kept, at
     * {@code prices}. Blocks on the database.
     */
    public static String render(StreamedRun run, PriceTable prices) {
        return render(ReportSource.of(run), prices);
    }

    private static String render(ReportSource source, PriceTable prices) {
        Run run = source.run();
        RunCosts costs = RunCosts.of(prices, source.cells());
        Gathered gathered = Gathered.from(source);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("Run " + run.id() + title(run))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(run, html);
        meta(html, costs.totalText(source.cells()).replaceFirst("^cost", "Cost"));
        grid(source, costs, html);
        HtmlPairedSection.append(variants(source), targets(source), gathered.verdicts(), html);
        HtmlAtKTable.append(source.cells(), targets(source).size() == 1, html);
        charts(source, gathered.points(), html);
        cases(source, gathered.cases(), html);
        return html.append("</body>\n</html>\n").toString();
    }

    /**
     * What one light pass over the completions gives: the paired verdicts, calibration, each case's completions;
     * numbers in arrays, each case id kept once (see {@link CaseGrades}).
     */
    private record Gathered(RunVerdicts verdicts, List<CalibrationBins.Point> points, CaseGrades cases) {

        static Gathered from(ReportSource source) {
            CaseIndex caseIndex = new CaseIndex();
            RunVerdicts verdicts = new RunVerdicts(caseIndex);
            CalibrationPoints points = new CalibrationPoints();
            CaseGrades cases = new CaseGrades(caseIndex);
            // A cell's target is one object for all its completions: its label is made once, not per completion.
            Map<RunTarget, String> labels = new HashMap<>();
            source.forEachGrade((id, key, grade, confidence) -> {
                verdicts.add(key.variant(), labels.computeIfAbsent(key.target(), RunTarget::label), key.caseId(),
                        grade);
                if (confidence != null && (grade == Verdict.CORRECT || grade == Verdict.WRONG)) {
                    points.add(Math.clamp(confidence, 0.0, 1.0), grade == Verdict.CORRECT);
                }
                cases.add(id, key.caseId(), grade);
            });
            return new Gathered(verdicts, points, cases);
        }
    }

    private static String title(Run run) {
        return (run.promptSetName() == null ? "" : " · " + run.promptSetName())
                + (run.task() == null ? "" : " · task " + run.task());
    }

    private static void header(Run run, StringBuilder html) {
        html.append("<h1>").append(escape("Run " + run.id())).append("</h1>\n");
        meta(html, "Prompt set: " + Objects.requireNonNullElse(run.promptSetName(), "-")
                + (run.task() == null ? "" : ", task " + run.task()));
        meta(html, run.kind().id() + ", " + run.status().id() + "; started " + TIME.format(run.startedAt())
                + (run.finishedAt() == null ? "" : ", finished " + TIME.format(run.finishedAt())) + "; Rationale "
                + run.appVersion());
        Tally t = run.tally();
        meta(html, t.total() + " completions" + (run.planned() > 0 ? " of " + run.planned() + " planned" : "")
                + ": " + t.correct() + " correct, " + t.wrong() + " wrong, " + t.noAnswer() + " no answer, "
                + t.ungraded() + " ungraded, " + t.failed() + " failed");
    }

    private static void meta(StringBuilder html, String text) {
        html.append("<p class=\"meta\">").append(escape(text)).append("</p>\n");
    }

    private static void grid(ReportSource snapshot, RunCosts costs, StringBuilder html) {
        List<RunCellScores> scores = snapshot.scores();
        html.append("<h2>Scores</h2>\n<table class=\"grid\">\n<tr><th>Variant</th>");
        List<RunTarget> targets = targets(snapshot);
        targets.forEach(t -> html.append("<th>").append(escape(t.label())).append("</th>"));
        html.append("</tr>\n");
        for (String variant : variants(snapshot)) {
            html.append("<tr><th>").append(escape(variant)).append("</th>");
            for (RunTarget target : targets) {
                html.append(cell(find(snapshot, variant, target), costs, scoreText(scores, variant, target)));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"label\">Accuracy: correct over graded completions (correct, wrong, no"
                + " answer); brackets: 95% Wilson interval; cost: from the tokens the provider reported, at the"
                + " price table's prices (– where the model has none)."
                + (scores.isEmpty() ? "" : " Score: the mean of the graded answers' scores on the grader's scale"
                        + " (chrF with corpus chrF and BLEU, a judge's score with Cohen's kappa against exact"
                        + " match, the share of tests passed); correct means the score reached the threshold.")
                + "</p>\n");
    }

    // The cell's scores in one line, empty for a run that does not score.
    private static String scoreText(List<RunCellScores> scores, String variant, RunTarget target) {
        return scores.stream().filter(s -> s.variant().equals(variant) && s.target().equals(target))
                .map(s -> ScoreText.cell(s.scores(), null)).findFirst().orElse("");
    }

    private static String cell(@Nullable CellTally cell, RunCosts costs, String score) {
        if (cell == null) {
            return "<td>–</td>";
        }
        Tally t = cell.tally();
        Double accuracy = t.accuracy();
        WilsonInterval interval = WilsonInterval.of(t.correct(), t.graded());
        String counts = t.correct() + " of " + t.graded() + " graded" + (t.failed() > 0 ? ", " + t.failed()
                + " failed" : "");
        return "<td><span class=\"accuracy\">" + (accuracy == null ? "–" : percent(accuracy))
                + "</span><span class=\"interval\">" + escape(accuracy == null ? "nothing graded"
                        : "[" + percent(interval.low()) + " – " + percent(interval.high()) + "]")
                + "</span><span class=\"counts\">" + escape(counts) + "</span>"
                + (score.isEmpty() ? "" : "<span class=\"score\">" + escape(score) + "</span>")
                + "<span class=\"cost\">" + escape(costs.costText(cell)) + "</span></td>";
    }

    private static void charts(ReportSource snapshot, List<CalibrationBins.Point> points, StringBuilder html) {
        html.append("<h2>Accuracy per variant</h2>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        boolean oneTarget = targets(snapshot).size() == 1;
        List<RunCellScores> scores = snapshot.scores();
        for (CellTally cell : snapshot.cells()) {
            Tally t = cell.tally();
            String score = scoreText(scores, cell.variant(), cell.target());
            bars.add(new SvgCharts.Bar((oneTarget ? cell.variant() : cell.variant() + " · " + cell.target().label())
                    + (score.isEmpty() ? "" : " · " + score), t.accuracy(), WilsonInterval.of(t.correct(),
                            t.graded()), t.graded()));
        }
        html.append(SvgCharts.accuracyBars(bars));
        if (!points.isEmpty()) {
            html.append("<h2>Calibration</h2>\n")
                    .append(SvgCharts.calibration(CalibrationBins.of(points, CalibrationBins.DEFAULT_BINS)))
                    .append("<p class=\"label\">Each bar: the share of correct answers among those whose tokens had"
                            + " that mean probability; dashed: where a well-calibrated model's bars would end.</p>\n");
        }
    }

    private static void cases(ReportSource source, CaseGrades grades, StringBuilder html) {
        html.append("<h2>Cases</h2>\n<p class=\"legend\">Token probability: ");
        List<String> legend = TokenHeat.legend(TokenHeat.Measure.PROBABILITY);
        for (int level = 0; level < legend.size(); level++) {
            html.append("<span class=\"h").append(level).append("\">").append(escape(legend.get(level)))
                    .append("</span>");
        }
        html.append("<span class=\"hn\">not scored</span></p>\n");
        ReportCases.Selection selection = ReportCases.choose(grades.caseCount(), grades::worthReading,
                source.run().id().hashCode(), ReportCases.MOST_WRONG, ReportCases.SAMPLED);
        List<Integer> chosen = new ArrayList<>(selection.wrongFirst());
        chosen.addAll(selection.sample());
        Map<Integer, List<Long>> ids = grades.completionsOf(chosen);
        // Rendered in the order they were chosen, wrong ones first, while the page stays within its budget (the
        // wrong ones get most of it, the sample the rest); shown in the run's order.
        SortedMap<Integer, String> rendered = new TreeMap<>();
        int wrongShown = render(source, selection.wrongFirst(), grades, ids, WRONG_BUDGET_CHARS, rendered);
        int used = rendered.values().stream().mapToInt(String::length).sum();
        int sampleShown = render(source, selection.sample(), grades, ids, CASES_BUDGET_CHARS - used, rendered);
        if (rendered.size() < grades.caseCount()) {
            html.append("<p class=\"meta\">").append(escape(leftOut(source.run(), selection, grades.caseCount(),
                    wrongShown, sampleShown))).append("</p>\n");
        }
        rendered.values().forEach(html::append);
    }

    // Renders cases in turn while they fit in budget (one at least, however long); returns how many.
    private static int render(ReportSource source, List<Integer> caseIndices, CaseGrades grades,
            Map<Integer, List<Long>> ids, int budget, Map<Integer, String> rendered) {
        int used = 0;
        int count = 0;
        for (int caseIndex : caseIndices) {
            StringBuilder one = new StringBuilder();
            List<CompletionRecord> completions = ids.get(caseIndex).stream().map(source::completion).toList();
            caseSection(source, grades.caseId(caseIndex), completions, one);
            if (used + one.length() > budget && !rendered.isEmpty()) {
                break;
            }
            used += one.length();
            rendered.put(caseIndex, one.toString());
            count++;
        }
        return count;
    }

    private static void caseSection(ReportSource source, String caseId, List<CompletionRecord> completions,
            StringBuilder html) {
        String expected = completions.getFirst().expected();
        html.append("<section class=\"case\">\n<h3>").append(escape("Case " + caseId
                + (expected == null ? "" : " — expected " + expected))).append("</h3>\n");
        completions.forEach(c -> completion(source, c, html));
        html.append("</section>\n");
    }

    // What the page leaves out, and where all of it is.
    private static String leftOut(Run run, ReportCases.Selection selection, int cases, int wrongShown,
            int sampleShown) {
        String wrong = selection.wrongOrFailed() == 0 ? "none has a wrong, unanswered or failed completion"
                : String.format(Locale.ROOT, wrongShown == selection.wrongOrFailed()
                        ? "all %2$,d with a wrong, unanswered or failed completion"
                        : "%,d of the %,d with a wrong, unanswered or failed completion (the first, in the run's"
                                + " order)", wrongShown, selection.wrongOrFailed());
        return String.format(Locale.ROOT, "Showing %,d of %,d cases: %s, and %,d of the other %,d, chosen at random"
                + " (the same ones each time). Every completion is in the CSV or JSONL report: rationale report %s"
                + " --format csv --out FILE.", wrongShown + sampleShown, cases, wrong, sampleShown,
                selection.others(), run.id());
    }

    private static void completion(ReportSource source, CompletionRecord r, StringBuilder html) {
        Double confidence = source.confidence(r);
        html.append("<div class=\"completion\"><span class=\"label\">")
                .append(escape(r.key().variant() + " · " + r.key().target().label() + " · sample "
                        + r.key().sample() + " · answer " + Objects.requireNonNullElse(r.extracted(), "–")
                        + (confidence == null ? "" : " · answer probability " + percent(confidence))))
                .append("</span> <span class=\"grade grade-").append(r.grade().id()).append("\">")
                .append(escape(r.grade().id())).append("</span>");
        GradeDetail grading = r.grading();
        if (grading != null) {
            html.append(" <span class=\"score\">").append(escape(ScoreText.of(grading))).append("</span>");
            if (grading.note() != null && !grading.note().isBlank()) {
                html.append("<div class=\"grading\">").append(escape(grading.note())).append("</div>");
            }
        }
        if (r.key().sample() == 0) {
            request(r, html);
        }
        if (r.failure() != null) {
            html.append("<div class=\"text\">").append(escape(r.failure())).append("</div>");
        }
        if (!r.reasoning().isEmpty()) {
            html.append("<div class=\"reasoning\">").append(escape(r.reasoning())).append("</div>");
        }
        if (!r.tokens().isEmpty()) {
            html.append("<div class=\"tokens\">");
            r.tokens().forEach(token -> token(token, html));
            html.append("</div>");
        } else if (!r.text().isEmpty()) {
            html.append("<div class=\"text\">").append(escape(r.text())).append("</div>");
        }
        html.append("</div>\n");
    }

    // Once per case, variant and model: later samples differ from the first only by their seed.
    private static void request(CompletionRecord r, StringBuilder html) {
        String adapted = r.request().prompt().adaptation();
        html.append("<details class=\"request\"><summary>Request as sent")
                .append(adapted.isEmpty() ? "" : " · " + escape(adapted)).append("</summary><pre>")
                .append(escape(r.request().prompt().readable())).append("</pre></details>");
    }

    private static void token(ScoredToken token, StringBuilder html) {
        Integer level = TokenHeat.heatLevel(token, TokenHeat.Measure.PROBABILITY, TokenHeat.DEFAULT_LEVELS);
        Double p = TokenHeat.probability(token);
        StringBuilder title = new StringBuilder(p == null ? "not scored" : "p = " + percent(p));
        if (!token.top().isEmpty()) {
            title.append("; alternatives: ");
            for (int i = 0; i < token.top().size(); i++) {
                TokenAlternative alt = token.top().get(i);
                title.append(i == 0 ? "" : ", ").append('"').append(alt.text()).append("\" ")
                        .append(alt.logprob() == null ? "?" : percent(Math.exp(alt.logprob())));
            }
        }
        html.append("<span class=\"").append(level == null ? "hn" : "h" + level).append("\" title=\"")
                .append(escape(title.toString())).append("\">").append(escape(token.text())).append("</span>");
    }

    private static List<String> variants(ReportSource snapshot) {
        List<String> variants = new ArrayList<>(snapshot.run().variants());
        snapshot.cells().stream().map(CellTally::variant).filter(v -> !variants.contains(v))
                .forEach(variants::add);
        return variants;
    }

    private static List<RunTarget> targets(ReportSource snapshot) {
        List<RunTarget> targets = new ArrayList<>(snapshot.run().targets());
        snapshot.cells().stream().map(CellTally::target).filter(t -> !targets.contains(t)).forEach(targets::add);
        return targets;
    }

    private static @Nullable CellTally find(ReportSource snapshot, String variant, RunTarget target) {
        return snapshot.cells().stream().filter(c -> c.variant().equals(variant) && c.target().equals(target))
                .findFirst().orElse(null);
    }

    private static String style() {
        try (InputStream in = HtmlRunReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
