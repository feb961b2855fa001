// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.batch.BatchState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results file: one forced line per completion, torn tails cut off, the last record per completion wins. */
class ResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsDroppedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("r.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            results.append(record("c1", Verdict.CORRECT));
        }
        Files.writeString(file, "{\"task\":\"sums\",\"variant\":\"dir", StandardOpenOption.APPEND);

        try (ResultsFile results = ResultsFile.resume(file)) {
            assertThat(previous(results)).extracting(SampleRecord::testCase).containsExactly("c1");
            results.append(record("c2", Verdict.WRONG));
        }

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
        assertThat(ResultsFile.read(file)).extracting(SampleRecord::testCase).containsExactly("c1", "c2");
    }

    @Test
    void aLaterRecordOfTheSameCompletionReplacesTheEarlierAndJunkLinesAreSkipped() throws Exception {
        Path file = dir.resolve("r.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            results.append(record("c1", Verdict.FAILED));
        }
        Files.writeString(file, "not json\n{\"variant\":\"x\"}\n", StandardOpenOption.APPEND);
        try (ResultsFile results = ResultsFile.resume(file)) {
            results.append(record("c1", Verdict.CORRECT));
        }

        assertThat(ResultsFile.read(file)).singleElement().extracting(SampleRecord::status)
                .isEqualTo(Verdict.CORRECT);
    }

    @Test
    void aNewRunEmptiesTheFileAndNoSecretIsWritten() throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "old\n");

        try (ResultsFile results = ResultsFile.create(file)) {
            assertThat(previous(results)).isEmpty();
            results.append(record("c1", Verdict.CORRECT));
        }

        String text = Files.readString(file);
        assertThat(text).startsWith("{\"task\":\"sums\",\"variant\":\"direct\",\"target\":\"m\",\"case\":\"c1\"")
                .doesNotContain("old").doesNotContainIgnoringCase("authorization");
    }

    @Test
    void openBatchesAreTheBatchLinesNotImportedWhateverTheCompletionsSay() throws Exception {
        Path file = dir.resolve("b.jsonl");
        assertThat(ResultsFile.openBatches(file)).isEmpty();
        BatchRecord open = batch("batch_0", BatchState.RUNNING, false);
        try (ResultsFile results = ResultsFile.create(file)) {
            results.append(open);
            results.append(batch("batch_1", BatchState.RUNNING, false));
            // A completion whose text names the key a batch's line is told by is still a completion.
            results.append(new SampleRecord("sums", "direct", "m", "c1", 0, "e", "m", Verdict.CORRECT, "10", "10",
                    null, null, "{\"slots\": [[0, 1]], \"batch\": \"x\"} is 10", null, null, null, 1, 12.5, null, 3,
                    4, null, null).fromBatch("batch_1"));
            results.append(batch("batch_1", BatchState.COMPLETED, true));
        }
        // A line written by hand, spaced out, is read as the writer's own.
        Files.writeString(file, "{ \"batch\" : \"batch_2\", \"api\": \"OpenAI Batch\", \"task\": \"sums\","
                + " \"target\": \"m\", \"endpoint\": \"e\", \"state\": \"pending\", \"providerState\":"
                + " \"validating\", \"requests\": 1, \"finished\": 0, \"failed\": 0, \"planned\": 2,"
                + " \"slots\" : [[1, 1]], \"imported\": false}\n", StandardOpenOption.APPEND);

        assertThat(ResultsFile.batches(file)).extracting(BatchRecord::batch)
                .containsExactly("batch_0", "batch_1", "batch_2");
        assertThat(ResultsFile.openBatches(file)).extracting(BatchRecord::batch).containsExactly("batch_0", "batch_2");
        assertThat(ResultsFile.openBatches(file).getFirst()).isEqualTo(open);
        assertThat(ResultsFile.read(file)).singleElement().extracting(SampleRecord::batch).isEqualTo("batch_1");
    }

    private static BatchRecord batch(String id, BatchState state, boolean imported) {
        return new BatchRecord(id, "OpenAI Batch", "sums", "m", "e", state, state.name().toLowerCase(Locale.ROOT), 1,
                imported ? 1 : 0, 0, 2, List.of(List.of(0, 1)), imported);
    }

    private static SampleRecord record(String testCase, Verdict status) {
        return new SampleRecord("sums", "direct", "m", testCase, 0, "e", "m", status, "10", null, null, null, null,
                null, null, null, 1, 12.5, null, 3, 4, null, status == Verdict.FAILED ? "boom" : null);
    }

    private static List<SampleRecord> previous(ResultsFile results) {
        List<SampleRecord> previous = new java.util.ArrayList<>();
        results.forEachPrevious(previous::add, score -> { });
        return previous;
    }
}
