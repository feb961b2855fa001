// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.WilsonInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rationale eval} on multiple-choice cases: likelihood accuracy beside generation accuracy. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EvalLikelihoodCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODEL = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
            .resolve("stories260K.gguf").toAbsolutePath();
    private static final Path SCIENCE = Path.of("../sample-prompts/everyday-science.bigbench.json").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void jsonAndTableShowTheLikelihoodAccuracyOfTheEmbeddedEngine() throws Exception {
        Path set = importScience();
        Path out = dir.resolve("science.jsonl");

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "embedded", "--model", MODEL.toString(),
                "--dataset", SCIENCE.toString(), "--limit", "3", "--variant", "zero-shot", "--out", out.toString(),
                "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode cell = JSON.readTree(run.out()).get("cells").get(0);
        JsonNode likelihood = cell.get("likelihood");
        assertThat(likelihood.get("cases").asInt()).isEqualTo(3);
        assertThat(likelihood.get("scored").asInt()).isEqualTo(3);
        assertThat(likelihood.has("notScorable")).isFalse();
        List<LikelihoodRecord> scores = ResultsFile.readScores(out);
        assertThat(scores).hasSize(3);
        int correct = (int) scores.stream().filter(LikelihoodRecord::pickCorrect).count();
        int perToken = (int) scores.stream().filter(LikelihoodRecord::perTokenCorrect).count();
        assertThat(likelihood.get("raw").get("correct").asInt()).isEqualTo(correct);
        assertThat(likelihood.get("raw").get("interval").get("low").asDouble())
                .isEqualTo(WilsonInterval.of(correct, 3).low());
        assertThat(likelihood.get("perToken").get("correct").asInt()).isEqualTo(perToken);
        long lines = Files.lines(out).count();

        // The table of the same results, read back: resuming scores nothing again.
        CliRun table = CliRun.of("eval", set.toString(), "--provider", "embedded", "--model", MODEL.toString(),
                "--dataset", SCIENCE.toString(), "--limit", "3", "--variant", "zero-shot", "--out", out.toString(),
                "--no-history", "--resume");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(Files.lines(out).count()).isEqualTo(lines);
        List<String> rows = table.out().lines().toList();
        assertThat(rows.get(0)).containsPattern("accuracy +95% interval +likelihood +95% interval +per token +95%"
                + " interval +correct");
        WilsonInterval raw = WilsonInterval.of(correct, 3);
        WilsonInterval perTokenInterval = WilsonInterval.of(perToken, 3);
        List<String> columns = List.of(rows.get(1).split(" {2,}"));
        assertThat(columns.get(0)).isEqualTo("zero-shot");
        assertThat(columns.subList(4, 8)).containsExactly(percent(correct / 3.0),
                "[" + percent(raw.low()) + ", " + percent(raw.high()) + "]", percent(perToken / 3.0),
                "[" + percent(perTokenInterval.low()) + ", " + percent(perTokenInterval.high()) + "]");
    }

    @Test
    void anImportedBigBenchSetIsScoredByLikelihoodFromItsOwnCasesWithoutTheDataset() throws Exception {
        Path set = importScience();
        Path out = dir.resolve("alone.jsonl");

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "embedded", "--model", MODEL.toString(),
                "--variant", "few-shot", "--out", out.toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode likelihood = JSON.readTree(run.out()).get("cells").get(0).get("likelihood");
        List<LikelihoodRecord> scores = ResultsFile.readScores(out);
        // Cases are scored concurrently, so their lines come in any order.
        assertThat(scores).extracting(LikelihoodRecord::testCase).containsExactlyInAnyOrder("#1", "#2", "#3");
        assertThat(scores).allMatch(r -> r.likelihood() == LikelihoodRecord.Status.SCORED);
        LikelihoodRecord first = scores.stream().filter(r -> r.testCase().equals("#1")).findFirst().orElseThrow();
        assertThat(first.options()).extracting(LikelihoodRecord.OptionScore::option)
                .containsExactly("magnetism", "gravity", "friction", "the wind");
        assertThat(first.accepted()).containsExactly("gravity");
        int correct = (int) scores.stream().filter(LikelihoodRecord::pickCorrect).count();
        assertThat(likelihood.get("cases").asInt()).isEqualTo(3);
        assertThat(likelihood.get("scored").asInt()).isEqualTo(3);
        assertThat(likelihood.get("raw").get("correct").asInt()).isEqualTo(correct);
        assertThat(likelihood.get("raw").get("accuracy").asDouble()).isEqualTo(correct / 3.0);
    }

    @Test
    void aServerThatCannotScoreSaysSoBesideTheGenerationAccuracy() throws Exception {
        CliRun run = evalLetterTaskOnAChatServer("--limit", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(0)).contains("likelihood", "per token");
        assertThat(rows.get(1)).startsWith("chat-cot").contains("0.0%", "not scorable");
        assertThat(rows.get(2)).startsWith("likelihood: not scorable on m: ").contains("cannot score options");
    }

    @Test
    void noLikelihoodLeavesTheFiguresAsBefore() throws Exception {
        CliRun run = evalLetterTaskOnAChatServer("--limit", "1", "--no-likelihood", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("cells").get(0).has("likelihood")).isFalse();
    }

    // The sample letter task's chat variant on a chat server, which cannot score prompts.
    private CliRun evalLetterTaskOnAChatServer(String... more) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new SumServer(0));
            server.start();
            List<String> args = new ArrayList<>(List.of("eval", "../sample-prompts/multiple-choice.rationale.json",
                    "--variant", "chat-cot", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                    "--model", "m", "--out", dir.resolve("mc.jsonl").toString(), "--no-history"));
            args.addAll(List.of(more));
            return CliRun.of(args.toArray(String[]::new));
        }
    }

    private Path importScience() throws IOException {
        Path set = dir.resolve("science.rationale.json");
        CliRun imported = CliRun.of("import", "bigbench", SCIENCE.toString(), "--out", set.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        return set;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
