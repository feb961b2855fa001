// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static dev.rationale.core.dataset.DatasetCsvTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.TestCase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetJsonlTest {
    @TempDir
    Path dir;

    @Test
    void readsNestedAndFlatInputsNumbersAndListsOfAnswers() {
        Dataset dataset = Datasets.read(TestFiles.fixture("sums.jsonl"));

        assertThat(dataset.format()).isEqualTo(DatasetFormat.JSONL);
        assertThat(dataset.inputNames()).containsExactly("question");
        assertThat(dataset.cases()).extracting(DatasetCase::testCase).containsExactly(
                new TestCase("j1", Map.of("question", "What is 7 + 8?"), "15"),
                new TestCase("j2", Map.of("question", "What is half of 12?"), "6"),
                new TestCase("3", Map.of("question", "Name an even prime."), "2"));
        assertThat(dataset.cases().get(2).answers()).containsExactly("2", "two");
        assertThat(dataset.cases()).extracting(DatasetCase::line).containsExactly(1, 2, 4);
        assertThat(dataset.casesWithSeveralAnswers()).isEqualTo(1);
    }

    @Test
    void badJsonNamesItsLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            text.append("{\"q\": \"case ").append(i).append("\", \"expected\": \"").append(i).append("\"}\n");
        }
        text.append("{\"q\": \"case 7\", \"expected\": }\n");
        Path file = TestFiles.write(dir, "bad.jsonl", text.toString());

        assertThat(DatasetCsvTest.failure(file)).startsWith(file + ":7: not valid JSON: ");
    }

    @Test
    void twoValuesOnOneLineAreAnError() {
        Path file = TestFiles.write(dir, "two.jsonl", "{\"q\": \"a\", \"expected\": \"1\"} {\"q\": \"b\"}\n");

        assertThat(DatasetCsvTest.failure(file)).startsWith(file + ":1: not valid JSON: ");
    }

    @Test
    void shapeProblemsNameTheLine() {
        assertFails(TestFiles.write(dir, "array.jsonl", "[1, 2]\n"),
                dir.resolve("array.jsonl") + ":1: expected a JSON object, got a list");
        assertFails(TestFiles.write(dir, "noexp.jsonl", "{\"q\": \"a\", \"expected\": \"1\"}\n{\"q\": \"b\"}\n"),
                dir.resolve("noexp.jsonl") + ":2: no expected answer; give \"expected\" (or \"answer\", \"target\")");
        assertFails(TestFiles.write(dir, "both.jsonl",
                        "{\"inputs\": {\"q\": \"a\"}, \"hint\": \"x\", \"expected\": 1}\n"),
                dir.resolve("both.jsonl") + ":1: has both \"inputs\" and other fields (hint); put every input inside"
                        + " \"inputs\"");
        assertFails(TestFiles.write(dir, "nested.jsonl", "{\"inputs\": {\"q\": {\"a\": 1}}, \"expected\": 1}\n"),
                dir.resolve("nested.jsonl") + ":1: \"inputs.q\" must be text, got an object");
        assertFails(TestFiles.write(dir, "nullexp.jsonl", "{\"q\": \"a\", \"expected\": null}\n"),
                dir.resolve("nullexp.jsonl") + ":1: \"expected\" must be text or a list of texts, got null");
    }

    @Test
    void everyLineNeedsTheInputsOfTheFirst() {
        Path missing = TestFiles.write(dir, "missing.jsonl",
                "{\"q\": \"a\", \"ctx\": \"c\", \"expected\": 1}\n\n{\"q\": \"b\", \"expected\": 2}\n");
        Path extra = TestFiles.write(dir, "extra.jsonl",
                "{\"q\": \"a\", \"expected\": 1}\n{\"q\": \"b\", \"ctx\": \"c\", \"expected\": 2}\n");

        assertFails(missing, missing + ":3: no input \"ctx\", which line 1 has; every line needs the same inputs");
        assertFails(extra, extra + ":2: input \"ctx\" is not on line 1; every line needs the same inputs");
    }

    @Test
    void emptyInputsAndDuplicateIdsNameTheLine() {
        assertFails(TestFiles.write(dir, "blank.jsonl", "{\"q\": \" \", \"expected\": 1}\n"),
                dir.resolve("blank.jsonl") + ":1: empty input \"q\"");
        assertFails(TestFiles.write(dir, "dup.jsonl",
                        "{\"id\": \"x\", \"q\": \"a\", \"expected\": 1}\n"
                        + "{\"id\": \"x\", \"q\": \"b\", \"expected\": 2}\n"),
                dir.resolve("dup.jsonl") + ":2: duplicate id \"x\" (line 1 has it too)");
    }
}
