// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval} on the code-generation sample set against a server that writes code, right and wrong:
 * with code execution allowed each answer is graded by its case's tests (each sample of a self-consistency variant
 * on its own); while it is off, every answer stays ungraded and says how to turn it on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EvalCodeTestsCommandTest {
    private static final Set<String> WRONG_CASES = Set.of("second-largest", "chunk");
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Path set;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new CodeServer());
        server.start();
        set = Files.copy(CliRun.sample("code-generation.rationale.json"), dir.resolve("code.rationale.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun eval(String variant, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", set.toString(), "--provider", "openai",
                "--base-url", server.url("/v1").toString(), "--model", "m1", "--variant", variant,
                "--no-history", "--out", dir.resolve("out.jsonl").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--limit")) {
            args.addAll(List.of("--limit", "6"));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void withCodeExecutionAllowedEachAnswerIsGradedByItsTests() {
        CliRun run = eval("zero-shot", "--allow-code-execution");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("rationale: warning: Grading by tests runs the code the model wrote on this"
                + " machine.").contains("grading by tests runs the code here, isolated by ");
        assertThat(CodeExecutionConsent.allowed(dir)).isTrue();
        List<SampleRecord> records = ResultsFile.read(dir.resolve("out.jsonl"));
        assertThat(records).hasSize(6).allSatisfy(record -> {
            GradeDetail grading = record.grading();
            assertThat(grading).as(record.testCase()).isNotNull();
            assertThat(grading.grader()).isEqualTo(GradeDetail.TESTS);
            assertThat(grading.request()).contains("# tests.py\n").contains("\nassert ");
            if (WRONG_CASES.contains(record.testCase())) {
                assertThat(record.status()).as(record.testCase()).isEqualTo(Verdict.WRONG);
                assertThat(grading.score()).isLessThan(1.0);
                assertThat(grading.note()).contains("first failure: line ");
            } else {
                assertThat(record.status()).as(record.testCase() + ": " + grading.note()).isEqualTo(Verdict.CORRECT);
                assertThat(grading.score()).isEqualTo(1.0);
                assertThat(grading.note()).matches("(\\d+) of \\1 tests passed");
            }
        });
        SampleRecord chunk = records.stream().filter(r -> r.testCase().equals("chunk")).findFirst().orElseThrow();
        assertThat(chunk.grading().score()).isEqualTo(4.0 / 5);
        assertThat(chunk.grading().note()).isEqualTo("4 of 5 tests passed; first failure: line 10, assert raised,"
                + " \"chunk(items, 0) must raise ValueError\": AssertionError: chunk(items, 0) must raise ValueError");
    }

    @Test
    void eachSampleOfASelfConsistencyVariantIsGradedOnItsOwn() throws Exception {
        CliRun run = eval("self-consistency", "--allow-code-execution", "--limit", "2", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Three of each case's five samples pass: pass@1 = 1 - C(2,1)/C(5,1), pass@2 = 1 - C(2,2)/C(5,2).
        JsonNode atK = new ObjectMapper().readTree(run.out()).get("cells").get(0).get("atK");
        assertThat(atK.get(0).get("k").asInt()).isEqualTo(1);
        assertThat(atK.get(0).get("pass").asDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(atK.get(1).get("k").asInt()).isEqualTo(2);
        assertThat(atK.get(1).get("pass").asDouble()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-9));
        List<SampleRecord> records = ResultsFile.read(dir.resolve("out.jsonl"));
        assertThat(records).hasSize(10).allSatisfy(record -> {
            assertThat(record.grading()).isNotNull();
            boolean right = record.sample() % 2 == 0;
            assertThat(record.status()).as(record.testCase() + " sample " + record.sample())
                    .isEqualTo(right ? Verdict.CORRECT : Verdict.WRONG);
            assertThat(record.grading().score()).isEqualTo(right ? 1.0 : 0.0, org.assertj.core.api.Assertions
                    .offset(0.8));
        });
    }

    @Test
    void theEmbeddedModelsCodeIsGradedByTheCasesTests() {
        Path model = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
                .resolve("stories260K.gguf").toAbsolutePath();
        CliRun run = CliRun.of("eval", set.toString(), "--provider", "embedded", "--model", model.toString(),
                "--variant", "zero-shot", "--limit", "2", "--no-history", "--out",
                dir.resolve("embedded.jsonl").toString(), "--allow-code-execution");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // A tiny story model writes prose, not Python: its answer runs, fails to load, and fails every test.
        assertThat(ResultsFile.read(dir.resolve("embedded.jsonl"))).hasSize(2).allSatisfy(record -> {
            assertThat(record.grading().grader()).isEqualTo(GradeDetail.TESTS);
            assertThat(record.grading().score()).isZero();
            assertThat(record.grading().note()).isNotBlank();
            assertThat(record.status()).isEqualTo(Verdict.WRONG);
        });
    }

    @Test
    void whileCodeExecutionIsOffEveryAnswerStaysUngradedAndSaysHowToTurnItOn() throws Exception {
        CliRun off = eval("zero-shot");

        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.err()).contains("running generated code is off for this workspace; turn it on with rationale"
                + " eval --allow-code-execution");
        assertOffIn(ResultsFile.read(dir.resolve("out.jsonl")));

        eval("zero-shot", "--allow-code-execution");
        CliRun turnedOff = eval("zero-shot", "--no-allow-code-execution");
        assertThat(turnedOff.err()).contains("running generated code is now off for " + dir);
        assertThat(CodeExecutionConsent.allowed(dir)).isFalse();
        assertOffIn(ResultsFile.read(dir.resolve("out.jsonl")));
    }

    private static void assertOffIn(List<SampleRecord> records) {
        assertThat(records).hasSize(6).allSatisfy(record -> {
            assertThat(record.status()).isEqualTo(Verdict.UNGRADED);
            assertThat(record.answer()).startsWith("def ");
            assertThat(record.grading().score()).isNull();
            assertThat(record.grading().note()).isEqualTo(CodeExecutionConsent.OFF_NOTE);
        });
    }
}
