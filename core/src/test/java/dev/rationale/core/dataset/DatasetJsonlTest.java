// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static dev.rationale.core.dataset.DatasetCsvTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Path;
import java.util.List;
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
    void targetScoresAreTheOptionsOfACaseAndNotAnInput() {
        Path file = TestFiles.write(dir, "mc.jsonl", """
                {"id": "f", "question": "Which floats?", "target_scores": {"a key": 0, "a cork": 1}}
                {"id": "s", "inputs": {"question": "Which sinks?"}, "expected": "a key",\
                 "target_scores": {"a key": 1, "a cork": 0}}
                {"id": "p", "question": "What is 2 + 2?", "answer": 4}
                """);

        Dataset dataset = Datasets.read(file);

        assertThat(dataset.inputNames()).containsExactly("question");
        assertThat(dataset.cases()).extracting(DatasetCase::testCase).containsExactly(
                new TestCase("f", Map.of("question", "Which floats?"), "a cork",
                        List.of(Choice.of("a key", 0), Choice.of("a cork", 1))),
                new TestCase("s", Map.of("question", "Which sinks?"), "a key",
                        List.of(Choice.of("a key", 1), Choice.of("a cork", 0))),
                new TestCase("p", Map.of("question", "What is 2 + 2?"), "4"));
    }

    @Test
    void targetScoresMustBeAnObjectWhoseTopHoldsTheExpectedAnswer() {
        assertFails(TestFiles.write(dir, "list.jsonl", "{\"q\": \"a\", \"target_scores\": [\"x\", \"y\"]}\n"),
                dir.resolve("list.jsonl") + ":1: \"target_scores\" must be an object of option to score, got a list");
        assertFails(TestFiles.write(dir, "one.jsonl", "{\"q\": \"a\", \"target_scores\": {\"x\": 1}}\n"),
                dir.resolve("one.jsonl") + ":1: \"target_scores\" needs at least two options, got 1");
        assertFails(TestFiles.write(dir, "off.jsonl",
                        "{\"q\": \"a\", \"expected\": [\"x\", \"y\"], \"target_scores\": {\"x\": 1, \"y\": 0}}\n"),
                dir.resolve("off.jsonl") + ":1: expected answer \"y\" is not a top-scored option of target_scores"
                        + " (\"x\")");
    }

    @Test
    void badJsonNamesItsLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            text.append("{\"q\": \"case ").append(i).append("\", \"expected\": \"").append(i).append("\"}\n");
        }
        text.append("{\"q\": \"case 7\", \"expected\": }\n");
        Path file = TestFiles.write(dir, "bad.jsonl", text.toString());

        assertThat(DatasetCsvTest.failure(file)).startsWith(file + ":7:29: not valid JSON: ");
    }

    @Test
    void twoValuesOnOneLineAreAnError() {
        Path file = TestFiles.write(dir, "two.jsonl", "{\"q\": \"a\", \"expected\": \"1\"} {\"q\": \"b\"}\n");

        assertThat(DatasetCsvTest.failure(file))
                .isEqualTo(file + ":1:29: not valid JSON: unexpected content after the value");
    }

    @Test
    void shapeProblemsNameTheLine() {
        assertFails(TestFiles.write(dir, "array.jsonl", "[1, 2]\n"),
                dir.resolve("array.jsonl") + ":1: expected a JSON object, got a list");
        assertFails(TestFiles.write(dir, "noexp.jsonl", "{\"q\": \"a\", \"expected\": \"1\"}\n{\"q\": \"b\"}\n"),
                dir.resolve("noexp.jsonl") + ":2: no expected answer; give \"expected\" (or \"answer\", \"target\"),"
                        + " or the options in \"target_scores\"");
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
