// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import dev.rationale.cli.bench.FaultServer.FaultMix;
import dev.rationale.core.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The bench behind {@code bench/scale.sh [N]}: a run of N completions (default 1,000,000) from evaluation to
 * report, as a user makes it with {@code bin/rationale}, against the project's local OpenAI-compatible server
 * ({@link FaultServer}, answering at once, no faults). It writes a prompt set of N/2 sums in two chat variants,
 * runs {@code rationale eval} on it with history, then {@code rationale report RUN --format csv} and
 * {@code --format html}, and prints each step's wall time, peak RSS (VmHWM of the child, sampled), file sizes, the
 * CSV's rows per second and the history's bytes per completion; then the History view's open and filter times when
 * {@code bench/history-open.sh WORKSPACE RUN_ID} is there (under {@code xvfb-run}); then the goals of issue 21.
 * Run with the cli module's test classpath from the project's root; not a test.
 */
public final class ScaleBench {
    private static final long SAMPLE_MILLIS = 20;
    private static final long TIMEOUT_MINUTES = 90;
    private static final Pattern RUN_ID = Pattern.compile("history: run (\\S+) in ");
    // HistoryScaleUiBench's lines: "History: open run ID (...) to its first page shown: slowest N ms, median ..." and
    // "History: grade filter ... shown: slowest N ms, ..."; the goal is judged on the slowest warm round.
    private static final Pattern MILLIS = Pattern.compile(
            "(?im)^.*?\\b(open|filter)\\b.*?\\bslowest ([0-9][0-9,.]*) ms");

    /** One child process: how it ended, how long it took, its peak resident memory. */
    private record Step(int exitCode, double seconds, long peakRssKb, String log) {
        double peakMb() {
            return peakRssKb / 1024.0;
        }
    }

    private ScaleBench() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Options()).execute(args));
    }

    /** The bench's arguments: anything but a count stops it with the usage, instead of running the default. */
    @Command(name = "bench/scale.sh",
            description = "A run of N completions from evaluation to report, as a user makes it with bin/rationale,"
                    + " with the figures and goals of issue 21.")
    static final class Options implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Parameters(arity = "0..1", paramLabel = "N", description = "Completions (1000000).")
        int completions = 1_000_000;

        @Override
        public Integer call() throws Exception {
            run(completions);
            return 0;
        }
    }

    private static void run(int completions) throws Exception {
        int cases = Math.max(1, completions / 2);
        Path launcher = Path.of("bin/rationale").toAbsolutePath();
        Path work = Path.of("target/bench/scale").toAbsolutePath();
        EvalVsPeers.clean(work);
        Path set = EvalVsPeers.writeSet(work.resolve("sums.rationale.json"), cases);
        System.out.printf(Locale.ROOT, "scale bench: %,d cases x 2 chat variants = %,d completions; workspace %s%n",
                cases, 2 * cases, work);
        Path results = work.resolve("results.jsonl");
        Step eval;
        try (FaultServer server = FaultServer.start(0, FaultMix.NONE)) {
            eval = run(work, "eval", List.of(launcher.toString(), "eval", set.toString(), "--provider", "openai",
                    "--base-url", server.baseUrl(), "--model", "bench", "--concurrency", "8", "--out",
                    results.toString()));
            long db = databaseBytes(work);
            System.out.printf(Locale.ROOT, "eval:   %7.1f s, peak RSS %5.0f MB; %,d requests answered (%,.0f/s);"
                    + " results file %s, history.db %s, %.0f bytes per completion%n", eval.seconds(), eval.peakMb(),
                    server.requests(), server.requests() / eval.seconds(), mb(Files.size(results)), mb(db),
                    (double) db / (2L * cases));
        }
        Matcher id = RUN_ID.matcher(eval.log());
        if (eval.exitCode() != 0 || !id.find()) {
            System.out.println("bench failed: rationale eval exited " + eval.exitCode() + " without a history run;"
                    + " see " + work.resolve("eval.log"));
            System.exit(1);
        }
        String runId = id.group(1);
        Path csv = work.resolve("report.csv");
        Step csvStep = report(launcher, work, runId, "csv", csv);
        long rows = Math.max(0, lines(csv) - 1);
        System.out.printf(Locale.ROOT, "csv:    %7.2f s, peak RSS %5.0f MB; %,d rows, %s, %,.0f rows/s (JVM start"
                + " included)%n", csvStep.seconds(), csvStep.peakMb(), rows, mb(Files.size(csv)),
                rows / csvStep.seconds());
        Path html = work.resolve("report.html");
        Step htmlStep = report(launcher, work, runId, "html", html);
        System.out.printf(Locale.ROOT, "html:   %7.2f s, peak RSS %5.0f MB; %s%n", htmlStep.seconds(),
                htmlStep.peakMb(), mb(Files.size(html)));
        double[] history = history(work, runId);
        goals(2L * cases, eval, csvStep, rows, htmlStep, Files.size(html), databaseBytes(work), history);
    }

    private static Step report(Path launcher, Path work, String runId, String format, Path out) throws Exception {
        Step step = run(work, "report-" + format, List.of(launcher.toString(), "report", runId, "--format", format,
                "--out", out.toString(), "--workspace", work.toString()));
        if (step.exitCode() != 0 || !Files.exists(out)) {
            System.out.println("bench failed: rationale report --format " + format + " exited " + step.exitCode()
                    + "; see " + work.resolve("report-" + format + ".log"));
            System.exit(1);
        }
        return step;
    }

    // The History view's own bench, written elsewhere: it prints its open and filter times in milliseconds.
    private static double[] history(Path work, String runId) throws Exception {
        Path script = Path.of("bench/history-open.sh").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            System.out.println("History: skipped (bench/history-open.sh is not there)");
            return new double[0];
        }
        if (!onPath("xvfb-run")) {
            System.out.println("History: skipped (xvfb-run not found)");
            return new double[0];
        }
        Step step = run(work, "history", List.of("xvfb-run", "-a", script.toString(), work.toString(), runId));
        // Its result lines only: Maven's and JavaFX's own lines are in history.log.
        step.log().lines().filter(line -> line.startsWith("History: ")).forEach(System.out::println);
        if (step.exitCode() != 0) {
            System.out.println("History: failed (exit " + step.exitCode() + "); see " + work.resolve("history.log"));
        }
        double open = -1;
        double filter = -1;
        Matcher found = MILLIS.matcher(step.log());
        while (found.find()) {
            double value = Double.parseDouble(found.group(2).replace(",", ""));
            if (found.group(1).toLowerCase(Locale.ROOT).startsWith("open")) {
                open = open < 0 ? value : open;
            } else {
                filter = filter < 0 ? value : filter;
            }
        }
        return step.exitCode() == 0 ? new double[] {open, filter} : new double[0];
    }

    private static void goals(long completions, Step eval, Step csv, long rows, Step html, long htmlBytes,
            long dbBytes, double[] history) {
        System.out.println();
        System.out.printf(Locale.ROOT, "goals (issue 21, for 1,000,000 completions; this run: %,d):%n", completions);
        goal("eval peak RSS <= 200 MB", String.format(Locale.ROOT, "%.0f MB", eval.peakMb()), eval.peakMb() <= 200);
        double rowsPerSecond = rows / csv.seconds();
        goal("CSV report >= 100,000 rows/s at <= 150 MB", String.format(Locale.ROOT, "%,.0f rows/s, %.0f MB",
                rowsPerSecond, csv.peakMb()), rowsPerSecond >= 100_000 && csv.peakMb() <= 150);
        goal("HTML report <= 5 MB in <= 10 s", String.format(Locale.ROOT, "%.1f MB in %.1f s", htmlBytes / 1e6,
                html.seconds()), htmlBytes <= 5_000_000 && html.seconds() <= 10);
        double perCompletion = (double) dbBytes / completions;
        goal("history.db <= 600 MB (600 bytes per completion)", String.format(Locale.ROOT, "%.1f MB, %.0f bytes"
                + " per completion", dbBytes / 1e6, perCompletion), perCompletion <= 600);
        if (history.length == 2 && history[0] >= 0 && history[1] >= 0) {
            goal("History opens and filters in <= 300 ms each", String.format(Locale.ROOT, "open %.0f ms, filter"
                    + " %.0f ms", history[0], history[1]), history[0] <= 300 && history[1] <= 300);
        } else {
            System.out.printf(Locale.ROOT, "  %-50s %-38s %s%n", "History opens and filters in <= 300 ms each",
                    "not measured", "NOT MET (unknown)");
        }
    }

    private static void goal(String what, String figure, boolean met) {
        System.out.printf(Locale.ROOT, "  %-50s %-38s %s%n", what, figure, met ? "met" : "NOT MET");
    }

    /** Runs {@code command} in {@code work}, its output to NAME.log, sampling its peak RSS. */
    private static Step run(Path work, String name, List<String> command) throws Exception {
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        long peak = 0;
        long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            // The launcher execs the JVM, so the child's pid is the JVM's.
            peak = Math.max(peak, EvalVsPeers.highWaterKb(process.pid()));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                System.out.println("bench failed: " + name + " took over " + TIMEOUT_MINUTES + " minutes; killed");
                System.exit(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Step(process.exitValue(), seconds, peak, Files.readString(log));
    }

    private static Path database(Path work) {
        return HistoryStore.databaseFile(work);
    }

    // The database with its write-ahead log, if one is left: what the history takes on disk.
    private static long databaseBytes(Path work) throws IOException {
        long bytes = 0;
        for (String suffix : List.of("", "-wal")) {
            Path file = Path.of(database(work) + suffix);
            bytes += Files.exists(file) ? Files.size(file) : 0;
        }
        return bytes;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long lines(Path file) throws IOException {
        try (var text = Files.lines(file)) {
            return text.count();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
