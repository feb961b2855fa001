// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.grading.metrics.Bleu;
import dev.rationale.core.grading.metrics.Chrf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation sample set is graded by chrF in {@code rationale eval}: each answer's sentence chrF decides its
 * verdict against the threshold, and each cell reports corpus chrF and BLEU over its answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvalTranslationGradingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 6;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> expectedBySource = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        JsonNode set = JSON.readTree(CliRun.sample("translation.rationale.json").toFile());
        for (JsonNode task : set.get("tasks")) {
            if (task.get("id").asText().equals("en-fr")) {
                task.get("cases").forEach(c -> expectedBySource.put(c.get("inputs").get("source").asText(),
                        c.get("expected").asText()));
            }
        }
        server.setDispatcher(new Translator(expectedBySource));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachAnswerIsScoredByChrfAndEachCellByCorpusChrfAndBleu() throws Exception {
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("eval", CliRun.sample("translation.rationale.json").toString(), "--task", "en-fr",
                "--variant", "few-shot", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--limit", String.valueOf(CASES), "--out", out.toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SampleRecord> records = ResultsFile.read(out);
        assertThat(records).hasSize(CASES);
        List<String> answers = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (SampleRecord record : records) {
            GradeDetail grading = record.grading();
            assertThat(grading).as(record.testCase()).isNotNull();
            assertThat(grading.grader()).isEqualTo(GradeDetail.CHRF);
            double chrf = Chrf.CHRF2.sentenceScore(record.answer(), record.expected());
            assertThat(grading.score()).isCloseTo(chrf, within(1e-9));
            assertThat(record.status()).isEqualTo(chrf >= 50 ? Verdict.CORRECT : Verdict.WRONG);
            answers.add(record.answer());
            references.add(record.expected());
        }
        // The translator answers even cases with the reference, odd ones with words of another sentence.
        assertThat(records.stream().map(SampleRecord::status)).contains(Verdict.CORRECT, Verdict.WRONG);
        assertThat(records.stream().filter(r -> r.answer().equals(r.expected())).map(r -> r.grading().score()))
                .isNotEmpty().allSatisfy(score -> assertThat(score).isEqualTo(100.0));

        JsonNode scores = JSON.readTree(run.out()).get("cells").get(0).get("scores");
        assertThat(scores.get("grader").asText()).isEqualTo("chrf");
        assertThat(scores.get("threshold").asDouble()).isEqualTo(50.0);
        assertThat(scores.get("scored").asInt()).isEqualTo(CASES);
        assertThat(scores.get("chrf").asDouble()).isCloseTo(Chrf.CHRF2.corpusScore(answers, references),
                within(1e-9));
        assertThat(scores.get("bleu").asDouble()).isCloseTo(Bleu.CORPUS.corpusScore(answers, references),
                within(1e-9));
        JsonNode cell = JSON.readTree(run.out()).get("cells").get(0);
        assertThat(cell.get("correct").asInt()).isEqualTo(records.stream()
                .filter(r -> r.status() == Verdict.CORRECT).count());
    }

    @Test
    void theEmbeddedModelsTranslationsAreScoredByChrf() throws Exception {
        Path model = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
                .resolve("stories260K.gguf").toAbsolutePath();
        Path out = dir.resolve("embedded.jsonl");
        CliRun run = CliRun.of("eval", CliRun.sample("translation.rationale.json").toString(), "--task", "en-de",
                "--variant", "zero-shot", "--provider", "embedded", "--model", model.toString(), "--limit", "2",
                "--out", out.toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SampleRecord> records = ResultsFile.read(out);
        assertThat(records).hasSize(2);
        for (SampleRecord record : records) {
            // A tiny story model writes no German: whatever line it gives is scored, and scored low.
            if (record.answer() == null) {
                assertThat(record.status()).isEqualTo(Verdict.NO_ANSWER);
                continue;
            }
            assertThat(record.grading().score()).isCloseTo(Chrf.CHRF2.sentenceScore(record.answer(),
                    record.expected()), within(1e-9)).isLessThan(50.0);
            assertThat(record.status()).isEqualTo(Verdict.WRONG);
        }
        JsonNode scores = JSON.readTree(run.out()).get("cells").get(0).get("scores");
        assertThat(scores.get("grader").asText()).isEqualTo("chrf");
    }

    @Test
    void theTableShowsTheCellsScores() {
        CliRun run = CliRun.of("eval", CliRun.sample("translation.rationale.json").toString(), "--task", "en-fr",
                "--variant", "few-shot", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--limit", "2", "--out", dir.resolve("t.jsonl").toString(), "--no-history");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("score").containsPattern("chrF \\d+\\.\\d · BLEU \\d+\\.\\d");
    }

    @Test
    void theHtmlReportShowsEachCellsScoresAndEachAnswersScore() throws Exception {
        Path set = Files.copy(CliRun.sample("translation.rationale.json"), dir.resolve("translation.rationale.json"));
        CliRun run = CliRun.of("eval", set.toString(), "--task", "en-fr", "--variant", "few-shot", "--provider",
                "openai", "--base-url", server.url("/v1").toString(), "--model", "m", "--limit", "4", "--out",
                dir.resolve("h.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher id = Pattern.compile("history: run (\\S+) in ").matcher(run.out() + run.err());
        assertThat(id.find()).as(run.out() + run.err()).isTrue();

        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", id.group(1), "--format", "html", "--out", html.toString(), "--workspace",
                dir.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        Document page = Jsoup.parse(Files.readString(html));
        assertThat(page.select("table.grid td .score").text()).matches("chrF \\d+\\.\\d · BLEU \\d+\\.\\d");
        assertThat(page.select(".completion .score").eachText()).hasSize(4).contains("chrF 100.0");
    }

    /**
     * Translates the sources of the set: the reference for the even cases (in the set's order), the reference of
     * another case for the odd ones.
     */
    private static final class Translator extends Dispatcher {
        private final List<Map.Entry<String, String>> cases;

        Translator(Map<String, String> expectedBySource) {
            this.cases = List.copyOf(expectedBySource.entrySet());
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body = parsed(request);
            JsonNode messages = body.get("messages");
            String last = messages.get(messages.size() - 1).get("content").asText();
            String reply = "?";
            for (int i = 0; i < cases.size(); i++) {
                if (last.contains(cases.get(i).getKey())) {
                    reply = i % 2 == 0 ? cases.get(i).getValue() : cases.get((i + 3) % cases.size()).getValue();
                }
            }
            String chunk;
            try {
                chunk = JSON.writeValueAsString(Map.of("choices", List.of(Map.of("index", 0, "delta",
                        Map.of("content", reply), "finish_reason", "stop"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body("data: " + chunk + "\n\ndata: [DONE]\n\n").build();
        }

        private static JsonNode parsed(RecordedRequest request) {
            try {
                return JSON.readTree(request.getBody().utf8());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
