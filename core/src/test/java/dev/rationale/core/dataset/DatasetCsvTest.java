// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsIdsInputsAndExpectedAnswersWithTheLineEachRowStartsOn() {
        Dataset dataset = Datasets.read(TestFiles.fixture("sums.csv"));

        assertThat(dataset.format()).isEqualTo(DatasetFormat.CSV);
        assertThat(dataset.inputNames()).containsExactly("question");
        assertThat(dataset.cases()).extracting(DatasetCase::testCase).containsExactly(
                new TestCase("s1", Map.of("question", "What is 2 + 3?"), "5"),
                new TestCase("s2", Map.of("question", "A list:\none, two, three. How many items?"), "3"),
                new TestCase("s3", Map.of("question", "What is 10 - 4?"), "6"));
        assertThat(dataset.cases()).extracting(DatasetCase::line).containsExactly(2, 3, 6);
        assertThat(dataset.cases().getFirst().answers()).containsExactly("5");
        assertThat(dataset.cases().getFirst().testCase().hasChoices()).isFalse();
    }

    @Test
    void acceptsAnswerOrTargetAsTheExpectedColumnAndWorksWithoutIds() {
        Path file = TestFiles.write(dir, "t.csv", "Target,context,question\nParis,France,Capital?\n");

        Dataset dataset = Datasets.read(file);

        assertThat(dataset.inputNames()).containsExactly("context", "question");
        assertThat(dataset.cases().getFirst().testCase())
                .isEqualTo(new TestCase(null, Map.of("context", "France", "question", "Capital?"), "Paris"));
    }

    @Test
    void aByteOrderMarkDoesNotJoinTheFirstColumnName() {
        Path file = TestFiles.write(dir, "bom.csv", "\uFEFFquestion,expected\n1 + 1?,2\n");

        assertThat(Datasets.read(file).inputNames()).containsExactly("question");
    }

    @Test
    void missingExpectedColumnNamesTheHeaderLine() {
        Path file = TestFiles.write(dir, "no-answer.csv", "id,question\nq1,What?\n");

        assertFails(file, file + ":1: no expected-answer column; name one \"expected\" (or \"answer\", \"target\"),"
                + " or give the options in \"target_scores\" (columns: id, question)");
    }

    @Test
    void aTargetScoresColumnGivesTheOptionsWhoseTopScoredAreTheAnswers() {
        Path file = TestFiles.write(dir, "mc.csv", """
                question,target_scores
                Which floats?,"{""a cork"": 1, ""a key"": 0}"
                Pink is,"{""red and white"": 1, ""light red"": 1, ""black"": 0.25}"
                """);

        Dataset dataset = Datasets.read(file);

        assertThat(dataset.inputNames()).containsExactly("question");
        assertThat(dataset.cases().getFirst().testCase()).isEqualTo(new TestCase(null,
                Map.of("question", "Which floats?"), "a cork", List.of(Choice.of("a cork", 1), Choice.of("a key", 0))));
        assertThat(dataset.cases().get(1).answers()).containsExactly("red and white", "light red");
        assertThat(dataset.cases().get(1).testCase().choices()).contains(Choice.of("black", 0.25));
    }

    @Test
    void anExpectedAnswerBesideTheOptionsMustBeATopScoredOneAndAnEmptyCellMeansNoOptions() {
        Path good = TestFiles.write(dir, "good.csv", """
                question,expected,target_scores
                Which floats?,a cork,"{""a key"": 0, ""a cork"": 1}"
                What is 2 + 2?,4,
                """);
        Path wrong = TestFiles.write(dir, "wrong.csv", """
                question,expected,target_scores
                Which floats?,a key,"{""a key"": 0, ""a cork"": 1}"
                """);

        List<DatasetCase> cases = Datasets.read(good).cases();

        assertThat(cases.getFirst().testCase().expected()).isEqualTo("a cork");
        assertThat(cases.getFirst().testCase().choices()).hasSize(2);
        assertThat(cases.get(1).testCase()).isEqualTo(new TestCase(null, Map.of("question", "What is 2 + 2?"), "4"));
        assertFails(wrong, wrong + ":2: expected answer \"a key\" is not a top-scored option of target_scores"
                + " (\"a cork\")");
    }

    @Test
    void optionsThatAreNotAJsonObjectOfScoresNameTheirLine() {
        assertThat(scoresFailure("a cork")).startsWith(":2: column \"target_scores\" is not valid JSON: ");
        assertThat(scoresFailure("\"[\"\"a\"\", \"\"b\"\"]\""))
                .isEqualTo(":2: column \"target_scores\" must be an object of option to score, got a list");
        assertThat(scoresFailure("\"{\"\"a\"\": 0, \"\"b\"\": 0}\""))
                .isEqualTo(":2: column \"target_scores\": every option scores 0, so none is the answer");
        assertThat(scoresFailure("")).isEqualTo(":2: empty expected answer (column \"target_scores\")");
    }

    // The message for a one-row file whose options cell is the given text, without the file name it starts with.
    private String scoresFailure(String cell) {
        Path file = TestFiles.write(dir, "scores.csv", "question,target_scores\nQ?," + cell + "\n");
        return failure(file).substring(file.toString().length());
    }

    @Test
    void aRowWithTheWrongNumberOfValuesNamesItsLine() {
        Path file = TestFiles.write(dir, "short.csv", "question,expected\nA?,1\nB?\n");

        assertFails(file, file + ":3: row has 1 value, but the header names 2 columns");
    }

    @Test
    void anEmptyInputNamesItsRowAndColumn() {
        Path file = TestFiles.write(dir, "blank.csv", "question,expected\nA?,1\nB?,2\n  ,3\n");

        assertFails(file, file + ":4: empty input \"question\"");
    }

    @Test
    void anEmptyExpectedAnswerNamesItsColumn() {
        Path file = TestFiles.write(dir, "noexp.csv", "question,answer\nA?,\n");

        assertFails(file, file + ":2: empty expected answer (column \"answer\")");
    }

    @Test
    void aDuplicateIdNamesBothLines() {
        Path file = TestFiles.write(dir, "dup.csv", "id,question,expected\nq1,A?,1\nq2,B?,2\nq1,C?,3\n");

        assertFails(file, file + ":4: duplicate id \"q1\" (line 2 has it too)");
    }

    @Test
    void aCsvSyntaxErrorIsReportedBeforeAnEarlierRowsProblem() {
        Path file = TestFiles.write(dir, "both.csv", "question,expected\nA?,1,extra\n\"B?,2\n");

        assertThatThrownBy(() -> Datasets.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("not valid CSV");
    }

    @Test
    void anUnclosedQuoteIsACsvSyntaxError() {
        Path file = TestFiles.write(dir, "quote.csv", "question,expected\n\"A?,1\n");

        assertThatThrownBy(() -> Datasets.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("not valid CSV");
    }

    @Test
    void headerProblemsAreNamed() {
        assertFails(TestFiles.write(dir, "two.csv", "answer,target,q\n1,1,x\n"),
                dir.resolve("two.csv") + ":1: columns \"answer\", \"target\" all name the expected answer; keep one");
        assertFails(TestFiles.write(dir, "onlyexp.csv", "id,expected\n1,2\n"),
                dir.resolve("onlyexp.csv") + ":1: no input columns; besides \"expected\" at least one column must"
                        + " hold the inputs");
        assertFails(TestFiles.write(dir, "same.csv", "q,q,expected\n1,2,3\n"),
                dir.resolve("same.csv") + ":1: two columns are named \"q\"");
        assertFails(TestFiles.write(dir, "empty.csv", "\n\n"),
                dir.resolve("empty.csv") + ": is empty; the first row must name the columns");
        assertFails(TestFiles.write(dir, "header-only.csv", "q,expected\n"),
                dir.resolve("header-only.csv") + ": has no cases");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("gone.csv");

        assertFails(file, file + ": no such file");
    }

    static void assertFails(Path file, String message) {
        assertThatThrownBy(() -> Datasets.read(file)).isInstanceOf(DatasetException.class).hasMessage(message);
    }

    static String failure(Path file) {
        try {
            Datasets.read(file);
        } catch (DatasetException e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " was read without an error");
    }
}
