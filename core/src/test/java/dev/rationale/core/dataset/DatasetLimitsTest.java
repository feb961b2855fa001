// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.fuzz.Scaling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 20 for dataset files: a CSV so wide its column lookups were quadratic, and JSON
 * errors (nesting, lengths, bytes that are not UTF-8) that used to come without a line.
 */
class DatasetLimitsTest {
    @TempDir
    Path dir;

    private static String wideCsv(int columns) {
        StringBuilder header = new StringBuilder("expected");
        StringBuilder row = new StringBuilder("y");
        for (int i = 0; i < columns; i++) {
            header.append(",c").append(i);
            row.append(",v");
        }
        return header + "\n" + row + "\n";
    }

    @Test
    void aHundredThousandColumnCsvReadsInLinearTime() {
        Scaling.assertLinear("CSV columns", 10_000, DatasetLimitsTest::wideCsv,
                text -> assertThat(CsvDatasetReader.read(text, "wide.csv").inputNames()).isNotEmpty());
    }

    @Test
    void aHundredThousandColumnCsvFileIsRead() {
        Path file = TestFiles.write(dir, "wide.csv", wideCsv(100_000));

        assertThat(Datasets.read(file).cases().getFirst().testCase().inputs()).hasSize(100_000);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void jsonLinesWithAHundredThousandFieldsEachAreReadWithoutComparingEveryPair() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            fields.append(", \"f").append(i).append("\": \"v\"");
        }
        Path file = TestFiles.write(dir, "wide.jsonl", "{\"expected\": \"a\"" + fields + "}\n{\"expected\": \"b\""
                + fields + "}\n");

        assertThat(Datasets.read(file).inputNames()).hasSize(100_000);
    }

    @Test
    void jsonNestedTooDeeplyNamesItsLineAndColumn() {
        Path jsonl = TestFiles.write(dir, "deep.jsonl", "{\"q\": \"a\", \"expected\": \"b\"}\n"
                + "{\"q\": " + "[".repeat(2000) + "}\n");
        Path bigBench = TestFiles.write(dir, "deep.json", "{\n\"examples\": " + "[".repeat(2000) + "}");

        assertThat(DatasetCsvTest.failure(jsonl))
                .isEqualTo(jsonl + ":2:1006: not valid JSON: values nest 1001 deep; at most 1000 levels are allowed");
        assertThat(DatasetCsvTest.failure(bigBench))
                .isEqualTo(bigBench + ":2:1012: not valid JSON: values nest 1001 deep; at most 1000 levels are"
                        + " allowed");
    }

    @Test
    void aTooLongNumberNamesItsLineAndColumn() {
        Path jsonl = TestFiles.write(dir, "long.jsonl", "{\"q\": \"a\", \"expected\": " + "7".repeat(5000) + "}\n");

        assertThat(DatasetCsvTest.failure(jsonl)).matches(".*long\\.jsonl:1:\\d+: not valid JSON: a number has 5000"
                + " digits; at most 1000 are allowed");
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLineColumnAndOffset() throws IOException {
        for (String name : new String[] {"latin1.csv", "latin1.jsonl", "latin1.json"}) {
            Path file = Files.write(dir.resolve(name), "{\"q\": \"a\"}\n{\"q\": \"caf\u00e9\"}\n"
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(DatasetCsvTest.failure(file)).isEqualTo(file + ":2:11: not UTF-8: byte 0xE9 at offset 21");
        }
    }

    @Test
    void aQuotedValueWithLineBreaksKeepsTheMessageOnOneLine() {
        Path file = TestFiles.write(dir, "breaks.csv", "q,expected,target_scores\n"
                + "x,\"two\nlines\",\"{\"\"a\"\": 1, \"\"b\"\": 0}\"\n");

        assertThat(DatasetCsvTest.failure(file)).isEqualTo(file + ":2: expected answer \"two\\nlines\" is not a"
                + " top-scored option of target_scores (\"a\")");
    }
}
