// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static dev.rationale.core.dataset.DatasetCsvTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.Choice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBigBenchTest {
    @TempDir
    Path dir;

    @Test
    void generativeExamplesKeepEveryAcceptedTarget() {
        Dataset dataset = Datasets.read(TestFiles.fixture("opposites.json"));

        assertThat(dataset.format()).isEqualTo(DatasetFormat.BIG_BENCH);
        assertThat(dataset.inputNames()).containsExactly("input");
        assertThat(dataset.cases()).hasSize(5);
        DatasetCase big = dataset.cases().get(1);
        assertThat(big.testCase().inputs()).isEqualTo(Map.of("input", "big"));
        assertThat(big.testCase().expected()).isEqualTo("small");
        assertThat(big.answers()).containsExactly("small", "little");
        assertThat(big.testCase().choices()).isEmpty();
        assertThat(dataset.cases()).extracting(DatasetCase::line).containsExactly(10, 11, 12, 13, 14);
    }

    @Test
    void readsTheTasksOwnPromptSettings() {
        BigBenchSettings settings = Datasets.read(TestFiles.fixture("opposites.json")).bigBench();

        assertThat(settings).isNotNull();
        assertThat(settings.name()).isEqualTo("opposite words");
        assertThat(settings.taskPrefix()).isEqualTo("Give the opposite of each word.\n");
        assertThat(settings.effectiveInputPrefix()).isEqualTo("\nWord: ");
        assertThat(settings.effectiveOutputPrefix()).isEqualTo("\nOpposite: ");
        assertThat(settings.stopString()).isEqualTo("\n");
        assertThat(settings.effectiveChoicePrefix()).as("BIG-bench's default").isEqualTo("\n  choice: ");
    }

    @Test
    void multipleChoiceKeepsTheScoredOptionsAndTheBestAsExpected() {
        Dataset dataset = Datasets.read(TestFiles.fixture("colours.json"));

        assertThat(dataset.inputNames()).containsExactly("input", "choices");
        DatasetCase first = dataset.cases().getFirst();
        assertThat(first.testCase().hasChoices()).isTrue();
        assertThat(first.testCase().choices()).containsExactly(
                Choice.of("green", 1), Choice.of("purple", 0), Choice.of("orange", 0));
        assertThat(first.testCase().expected()).isEqualTo("green");
        assertThat(first.testCase().inputs()).containsEntry("input", "Blue paint mixed with yellow paint makes")
                .containsEntry("choices", "\n  option: green\n  option: purple\n  option: orange");
    }

    @Test
    void tiedTopOptionsAreAllAcceptedAndPartialScoresAreKept() {
        List<DatasetCase> cases = Datasets.read(TestFiles.fixture("colours.json")).cases();

        assertThat(cases.get(1).answers()).containsExactly("pink", "light red");
        assertThat(cases.get(2).answers()).containsExactly("orange");
        assertThat(cases.get(2).testCase().choices()).contains(Choice.of("brown", 0.25));
    }

    @Test
    void choicesStayOutOfTheInputsWhenTheTaskDoesNotAppendThem() {
        Path file = TestFiles.write(dir, "plain.json", """
                {"append_choices_to_input": false,
                 "examples": [{"input": "2 + 2 =", "target_scores": {"4": 1, "5": 0}}]}
                """);

        Dataset dataset = Datasets.read(file);

        assertThat(dataset.inputNames()).containsExactly("input");
        assertThat(dataset.cases().getFirst().testCase().choices()).extracting(Choice::text).containsExactly("4", "5");
    }

    @Test
    void brokenExamplesNameTheirLineAndIndex() {
        Path noTarget = TestFiles.write(dir, "notarget.json", """
                {
                  "examples": [
                    {"input": "a", "target": "b"},
                    {"input": "c"}
                  ]
                }
                """);
        Path badScore = TestFiles.write(dir, "score.json", """
                {"examples": [
                  {"input": "a", "target_scores": {"x": 1, "y": "high"}}
                ]}
                """);
        Path huge = TestFiles.write(dir, "huge.json", """
                {"examples": [
                  {"input": "a", "target_scores": {"x": 1e999, "y": 0}}
                ]}
                """);
        Path flat = TestFiles.write(dir, "flat.json", """
                {"examples": [
                  {"input": "a", "target_scores": {"x": 0, "y": 0}}
                ]}
                """);

        assertFails(noTarget, noTarget + ":4: examples[1] needs \"target\" or \"target_scores\"");
        assertFails(badScore, badScore + ":2: examples[0].target_scores: the score of \"y\" must be a finite"
                + " number, got text");
        assertFails(huge, huge + ":2: examples[0].target_scores: the score of \"x\" must be a finite number, got"
                + " Infinity");
        assertFails(flat, flat + ":2: examples[0].target_scores: every option scores 0, so none is the answer");
    }

    @Test
    void multipleChoiceAndGenerativeExamplesCannotBeMixed() {
        Path file = TestFiles.write(dir, "mixed.json", """
                {"examples": [
                  {"input": "a", "target_scores": {"x": 1, "y": 0}},
                  {"input": "b", "target": "y"}
                ]}
                """);

        assertFails(file, file + ":3: examples[1] has no \"target_scores\", unlike the first example (line 2);"
                + " all examples must be multiple choice or none");
    }

    @Test
    void fileLevelShapeProblemsAreNamed() {
        Path list = TestFiles.write(dir, "list.json", "[]");
        Path none = TestFiles.write(dir, "none.json", "{\"name\": \"t\"}");
        Path empty = TestFiles.write(dir, "empty.json", "{\n  \"examples\": []\n}");
        Path prefix = TestFiles.write(dir, "prefix.json", "{\n  \"task_prefix\": 3,\n  \"examples\": []\n}");
        Path input = TestFiles.write(dir, "input.json", "{\"examples\": [{\"input\": [\"a\"], \"target\": \"b\"}]}");

        assertFails(list, list + ":1: a BIG-bench task must be a JSON object with an \"examples\" list, got a list");
        assertFails(none, none + ":1: a BIG-bench task needs an \"examples\" list");
        assertFails(empty, empty + ":2: \"examples\" is empty");
        assertFails(prefix, prefix + ":2: \"task_prefix\" must be text, got a number");
        assertFails(input, input + ":1: examples[0].input must be text, got a list");
    }

    @Test
    void badJsonNamesItsLine() {
        Path file = TestFiles.write(dir, "cut.json",
                "{\n  \"examples\": [\n    {\"input\": \"a\",, \"target\": \"b\"}\n]}");

        assertThat(DatasetCsvTest.failure(file)).startsWith(file + ":3:19: not valid JSON: ");
    }
}
