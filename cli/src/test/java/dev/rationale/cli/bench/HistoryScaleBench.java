// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import dev.rationale.cli.RationaleCommand;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what a large run costs in the history and how fast its CSV report is: {@code HistoryScaleBench [N]}
 * (default 100,000) records a run like issue 21's (short chat prompts in two variants to a local OpenAI-compatible
 * server, answers such as "The answer is 42.", no logprobs) with {@code recordAll}, then prints the database's
 * bytes per completion with where they go (when SQLite's {@code dbstat} table is there), and runs
 * {@code rationale report RUN --format csv} in a JVM of its own with the launcher's options, printing its rows per
 * second and peak RSS. Goals from the issue: at most 600 bytes per completion; at least 100,000 rows/s in at most
 * 150 MB. Run with the cli module's test classpath; not a test.
 */
public final class HistoryScaleBench {
    private static final RunTarget TARGET = new RunTarget("http://127.0.0.1:8080/v1", ProviderKind.OPENAI,
            "qwen2.5-0.5b-instruct");
    private static final String RUN = "20261207-030000-bench";
    private static final int BATCH = 500;
    private static final List<String> LAUNCHER_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx96m", "-XX:SurvivorRatio=2", "-XX:TieredStopAtLevel=1",
            "-Djdk.reflect.useNativeAccessorOnly=true");

    private HistoryScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path workspace = Files.createTempDirectory("rationale-history-bench");
        long start = System.nanoTime();
        record(workspace, count);
        double recordSeconds = (System.nanoTime() - start) / 1e9;
        Path database = HistoryStore.databaseFile(workspace);
        checkpoint(database);
        long bytes = Files.size(database);
        System.out.printf(Locale.ROOT, "recorded %,d completions in %.1f s; history.db %.1f MB, %.0f bytes per"
                + " completion (goal <= 600)%n", count, recordSeconds, bytes / 1e6, (double) bytes / count);
        printSpace(database, count);
        report(workspace, count);
    }

    /** Writes the run in batches, as an evaluation's group commits do. */
    static void record(Path workspace, int count) {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(Run.started(RUN, RunKind.EVALUATION, Instant.now(), "sums.yaml", "sums", "sums",
                    List.of("plain", "terse"), List.of(TARGET), GenerationSettings.NONE, count));
            List<CompletionRecord> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                batch.add(completion(RUN, i));
                if (batch.size() == BATCH || i == count - 1) {
                    store.recordAll(batch);
                    batch.clear();
                }
            }
            store.finishRun(RUN, RunStatus.COMPLETED, Instant.now());
        }
    }

    /** Completion {@code i} of a run like the issue's: case {@code i / 2} in one of two chat variants. */
    public static CompletionRecord completion(String runId, int i) {
        int a = i / 2 % 97;
        int b = i / 2 % 89;
        boolean terse = i % 2 == 1;
        String system = terse ? "Answer with the number only." : "You are a careful assistant. Think, then end"
                + " with 'The answer is N.'";
        RenderedPrompt prompt = new RenderedPrompt.Chat(List.of(new ChatMessage(ChatRole.SYSTEM, system),
                new ChatMessage(ChatRole.USER, "What is " + a + " + " + b + "?")));
        CompletionRequest request = CompletionRequest.of(TARGET.model(), prompt).withMaxTokens(64)
                .withSampling(0.0, null, null, null, 7L);
        String answer = String.valueOf(a + b);
        boolean right = i % 10 != 0;
        String text = terse ? answer : "The answer is " + (right ? answer : a + b + 1) + ".";
        var key = new RunCompletionKey(runId, terse ? "terse" : "plain", TARGET, "case-" + (i / 2), 0);
        return new CompletionRecord(key, request, text, "", List.of(), right ? answer : String.valueOf(a + b + 1),
                answer, right ? Verdict.CORRECT : Verdict.WRONG, null, FinishReason.STOP,
                new Usage(31 + i % 5, text.length() / 3, null), new Timings(2.5 + i % 7, 11.25 + i % 13, null),
                Instant.ofEpochMilli(1_796_000_000_000L + i * 3L));
    }

    private static void checkpoint(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    // dbstat is an optional part of SQLite; without it the breakdown is left out.
    private static void printSpace(Path database, int count) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name"
                        + " ORDER BY bytes DESC")) {
            while (rows.next()) {
                System.out.printf(Locale.ROOT, "  %-24s %8.1f bytes per completion%n", rows.getString("name"),
                        rows.getDouble("bytes") / count);
            }
        } catch (SQLException e) {
            System.out.println("  (no breakdown: " + e.getMessage() + ")");
        }
    }

    private static void report(Path workspace, int count) throws IOException, InterruptedException {
        Path csv = workspace.resolve("report.csv");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RationaleCommand.class.getName(),
                "report", RUN, "--format", "csv", "--out", csv.toString(), "--workspace", workspace.toString()));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workspace.resolve("report.log").toFile()).start();
        long peakKb = 0;
        while (child.isAlive()) {
            peakKb = Math.max(peakKb, peakRssKb(child.pid()));
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (child.exitValue() != 0) {
            System.out.println("report failed: " + Files.readString(workspace.resolve("report.log")));
            return;
        }
        long lines;
        try (var text = Files.lines(csv)) {
            lines = text.count() - 1;
        }
        System.out.printf(Locale.ROOT, "csv report: %,d rows in %.2f s (JVM start included), %,.0f rows/s (goal >="
                + " 100,000); peak RSS %.0f MB (goal <= 150)%n", lines, seconds, count / seconds, peakKb / 1024.0);
    }

    // VmHWM is the process's peak so far; the last reading before it exits is close to its true peak.
    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
