// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.dataset.DatasetException;
import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetFuzzTest {
    private static final byte[] VALID = ("question,answer,note\n"
            + "\"What is 2+2?\",4,\"plain\"\n"
            + "\"Say \"\"hi\"\"\",hi,\n"
            + "\"multi\nline\",x,y\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aMutatedCsvEitherReadsOrFailsWithItsFileNameAndIsLeftAlone() {
        Fuzz.check("csv dataset", random -> {
            Path file = dir.resolve("cases.csv");
            Files.write(file, Mutations.mutate(VALID, random, 8));
            FileFingerprint before = FileFingerprint.of(file);
            try {
                Datasets.read(file, DatasetFormat.CSV);
            } catch (DatasetException e) {
                assertThat(e.getMessage()).contains("cases.csv");
                assertThat(e.problem()).isNotBlank();
            }
            assertThat(before.matches(file)).as("file unchanged").isTrue();
        });
    }
}
