// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
