// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.dataset.DatasetException;
import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import java.io.IOException;
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
    void aMutatedCsvEitherReadsOrFailsWithALocatedErrorAndIsLeftAlone() {
        Fuzz.check("csv dataset", random -> SmallStack.run(r -> read(Mutations.mutate(VALID, r, 8)), random));
    }

    @Test
    void aGeneratedCsvWithOddCellsAndDeepScoresFailsOnlyWithALocatedError() {
        Fuzz.check("generated csv dataset", 0.5, random -> SmallStack.run(r -> {
            StringBuilder text = new StringBuilder("question,expected,target_scores\n");
            for (int row = 1 + r.nextInt(4); row > 0; row--) {
                String scores = switch (r.nextInt(3)) {
                    case 0 -> "{\"a\": 1, \"b\": 0}";
                    case 1 -> "[".repeat(r.nextInt(1100));
                    default -> OddText.of(r, 4);
                };
                text.append(quoted(OddText.of(r, 8) + "q")).append(',').append(quoted(OddText.of(r, 2) + "a"))
                        .append(',').append(quoted(scores)).append(r.nextBoolean() ? "\n" : "\r\n");
            }
            read(text.toString().getBytes(StandardCharsets.UTF_8));
        }, random));
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private void read(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("cases.csv"), input);
        FileFingerprint before = FileFingerprint.of(file);
        try {
            Datasets.read(file, DatasetFormat.CSV);
        } catch (DatasetException e) {
            Located.assertLocated(e, "cases.csv");
        }
        assertThat(before.matches(file)).as("file unchanged").isTrue();
    }
}
