// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict ids a results file stores in {@code status}: files written before must still read the same. */
class ResultsFileVerdictTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"CORRECT, correct", "WRONG, wrong", "NO_ANSWER, no-answer", "UNGRADED, ungraded",
        "FAILED, failed"})
    void eachVerdictIsWrittenAndReadByItsStoredId(Verdict verdict, String id) throws Exception {
        Path file = dir.resolve("r.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            results.append(new SampleRecord("sums", "direct", "m", "c1", 0, "e", "m", verdict, "10", null, null, null,
                    null, null, null, null, 1, null, null, null, null, null, null));
        }

        assertThat(Files.readString(file)).contains("\"status\":\"" + id + "\"");
        Files.writeString(file, "{\"task\":\"sums\",\"variant\":\"direct\",\"target\":\"m\",\"case\":\"c1\","
                + "\"sample\":0,\"endpoint\":\"e\",\"model\":\"m\",\"status\":\"" + id + "\"}\n");
        assertThat(ResultsFile.read(file)).singleElement().extracting(SampleRecord::status).isEqualTo(verdict);
        assertThat(Verdict.parse(id)).contains(verdict);
    }
}
