// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalReport;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.Tally;
import dev.rationale.core.promptset.PromptSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, answer the file as the Batch API would, import: a normal evaluation run in the history. */
class OpenAiBatchImportTest {
    @TempDir
    Path dir;

    @Test
    void everyLineIsGradedOrFailedAndStrangersAreListed() throws Exception {
        PromptSet set = ExchangeFixtures.set();

        ImportedBatch batch = OpenAiBatchImport.read(List.of(BatchOutputs.write(set, dir)), set, null, null);
        List<SampleRecord> records = recorded(batch);

        assertThat(batch.plan().taskId()).isEqualTo("sums");
        assertThat(batch.plan().targets().getFirst().model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(records).extracting(r -> r.variant() + "/" + r.testCase() + "/" + r.sample() + "="
                + r.status()).containsExactly(
                        "one-shot/c1/0=CORRECT", "cot-vote/c1/0=CORRECT", "cot-vote/c1/1=CORRECT",
                        "one-shot/c2/0=CORRECT", "cot-vote/c2/0=CORRECT", "cot-vote/c2/1=WRONG",
                        "one-shot/c3/0=FAILED", "cot-vote/c3/0=FAILED");
        SampleRecord refused = records.get(6);
        assertThat(refused.errorKind()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.reason()).contains("HTTP 400").contains("Invalid 'messages': <too long> & more");
        assertThat(records.get(7).reason()).contains("batch_expired").contains("expired first");
        SampleRecord first = records.getFirst();
        assertThat(first.answer()).isEqualTo("5");
        assertThat(first.answerProbability()).isCloseTo(Math.exp(-0.9), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.promptTokens()).isEqualTo(40);
        assertThat(batch.unknownIds()).containsExactly("someone-elses-request-1");
        assertThat(batch.problems()).singleElement().asString().startsWith("batch_output.jsonl:10: not JSON");
        assertThat(batch.missing()).containsExactly(new CompletionKey("sums", "cot-vote", "gpt-4o-mini-2024-07-18",
                "c3", 1));
        assertThat(batch.unknownIdCount()).isOne();
        assertThat(batch.problemCount()).isOne();
        assertThat(batch.missingCount()).isOne();
        EvalReport report = EvalReport.of(batch.plan(), records);
        CellMetrics oneShot = report.cells().getFirst();
        assertThat(oneShot.correct()).isEqualTo(2);
        assertThat(oneShot.failed()).isEqualTo(1);
    }

    @Test
    void theImportIsANormalRunInTheHistoryWithTokensAndReasons() throws Exception {
        PromptSet set = ExchangeFixtures.set();
        ImportedBatch batch = OpenAiBatchImport.read(List.of(BatchOutputs.write(set, dir)), set, null, "gpt-4o-mini");
        Path results = dir.resolve("sums.eval.jsonl");

        String runId;
        try (HistoryStore store = HistoryStore.open(dir); ResultsFile file = ResultsFile.create(results)) {
            HistoryRecorder recorder = HistoryRecorder.start(store, batch.plan(), dir.resolve("sums.rationale.json"),
                    Clock.systemUTC());
            batch.record(file, recorder);
            runId = recorder.runId();
        }

        try (HistoryStore store = HistoryStore.open(dir)) {
            Run run = store.runs(RunFilter.all()).items().getFirst();
            assertThat(run.id()).isEqualTo(runId);
            assertThat(run.kind()).isEqualTo(RunKind.EVALUATION);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.planned()).isEqualTo(9);
            assertThat(run.targets().getFirst().model()).isEqualTo("gpt-4o-mini");
            assertThat(run.tally()).isEqualTo(new Tally(8, 5, 1, 0, 0, 2));
            List<CompletionRow> rows = store.completions(CompletionFilter.of(runId)).items();
            CompletionRow oneShotC1 = rows.stream().filter(r -> r.key().variant().equals("one-shot")
                    && r.key().caseId().equals("c1")).findFirst().orElseThrow();
            CompletionRecord stored = store.completion(oneShotC1.id()).orElseThrow().record();
            assertThat(stored.text()).isEqualTo("The answer is 5.");
            assertThat(stored.tokens()).hasSize(5);
            assertThat(stored.tokens().get(3).top()).hasSize(3);
            assertThat(stored.request().model()).isEqualTo("gpt-4o-mini");
            assertThat(stored.request().maxTokens()).isEqualTo(128);
            assertThat(stored.grade()).isEqualTo(Verdict.CORRECT);
            assertThat(rows).filteredOn(r -> r.grade() == Verdict.FAILED).extracting(CompletionRow::failure)
                    .anySatisfy(f -> assertThat(f).contains("HTTP 400"));
        }
        assertThat(ResultsFile.read(results)).extracting(SampleRecord::status).containsExactly(
                Verdict.CORRECT, Verdict.CORRECT, Verdict.CORRECT, Verdict.CORRECT,
                Verdict.CORRECT, Verdict.WRONG, Verdict.FAILED, Verdict.FAILED);
    }

    @Test
    void anOutputOfAnotherSetIsRefusedWithTheReason() throws Exception {
        PromptSet set = ExchangeFixtures.set();
        Path file = BatchOutputs.write(set, dir);
        PromptSet renamed = new PromptSet(set.format(), set.version(), "Other sums", null, set.defaults(),
                set.targets(), set.tasks());

        assertThatThrownBy(() -> OpenAiBatchImport.read(List.of(file), renamed, null, null))
                .isInstanceOf(RationaleException.class).hasMessageContaining("none of the 9 batch lines")
                .hasMessageContaining("Other sums");
    }

    // The batch recorded into a results file of its own, without a history, read back.
    private List<SampleRecord> recorded(ImportedBatch batch) {
        Path results = dir.resolve("recorded.eval.jsonl");
        try (ResultsFile file = ResultsFile.create(results)) {
            batch.record(file, null);
        }
        return ResultsFile.read(results);
    }
}
