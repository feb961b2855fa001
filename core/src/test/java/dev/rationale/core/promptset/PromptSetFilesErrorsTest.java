// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files that cannot be used are refused with every problem, each at its line, column and field. */
class PromptSetFilesErrorsTest {
    private static final String FILE = "maths.rationale.json";
    private static final String VALID = """
            {
              "format": "rationale-prompt-set",
              "version": 1,
              "name": "Maths",
              "tasks": [
                {
                  "id": "sums",
                  "template": {
                    "input": "Q: {{question}}"
                  },
                  "exemplars": [
                    {
                      "id": "e1",
                      "inputs": {
                        "question": "1 + 1?"
                      },
                      "rationale": "1 + 1 = 2.",
                      "answer": "2"
                    }
                  ],
                  "cases": [
                    {
                      "id": "c1",
                      "inputs": {
                        "question": "2 + 2?"
                      },
                      "expected": "4"
                    }
                  ],
                  "variants": [
                    {
                      "id": "direct",
                      "shots": 1
                    },
                    {
                      "id": "cot",
                      "reasoning": "few-shot-rationale"
                    },
                    {
                      "id": "many",
                      "shots": 1
                    }
                  ]
                }
              ]
            }
            """;
    private static final String THIRD_VARIANT_SHOTS = "\"id\": \"many\",\n          \"shots\": 1";

    @TempDir
    Path dir;

    @Test
    void theValidFileLoads() {
        assertThat(PromptSetFiles.fromJson(VALID, FILE).name()).isEqualTo("Maths");
    }

    @Test
    void aValidatorErrorPointsAtTheValueInTheFile() {
        String text = VALID.replace(THIRD_VARIANT_SHOTS, THIRD_VARIANT_SHOTS.replace("1", "-1"));

        assertThat(problemsIn(text)).containsExactly(
                "maths.rationale.json:41:20: tasks[0].variants[2].shots: must be 0 or more, got -1");
    }

    @Test
    void anUnknownFieldIsReportedWithItsPathAndTheKnownFields() {
        String text = VALID.replace("\"shots\": 1\n        },", "\"shot\": 1\n        },");

        List<Problem> problems = errorsIn(text);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tasks[0].variants[0].shot");
            assertThat(problem.message()).startsWith("unknown field \"shot\" (known fields: id, label, shots, ");
            assertPointsAt(problem, text, "1\n        },");
        });
    }

    @Test
    void everyUnknownFieldIsReportedAtOnce() {
        String text = VALID.replace("\"name\": \"Maths\"", "\"nmae\": \"Maths\"").replace("\"rationale\": \"1 + 1",
                "\"rationnale\": \"1 + 1");

        assertThat(errorsIn(text)).extracting(Problem::field)
                .containsExactly("nmae", "tasks[0].exemplars[0].rationnale");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"shots\": \"3\"`    | tasks[0].variants[0].shots | expected an integer, got \"3\"",
        "`\"shots\": 2.5`      | tasks[0].variants[0].shots | expected an integer, got 2.5",
        "`\"shots\": {}`       | tasks[0].variants[0].shots | expected an integer, got an object",
        "`\"shots\": 9999999999` | tasks[0].variants[0].shots"
                + " | expected an integer from -2147483648 to 2147483647, got 9999999999",
        "`\"label\": 7`        | tasks[0].variants[0].label | expected text, got 7",
        "`\"label\": true`     | tasks[0].variants[0].label | expected text, got true",
        "`\"exemplars\": \"e1\"` | tasks[0].variants[0].exemplars | expected a list, got \"e1\"",
        "`\"settings\": []`    | tasks[0].variants[0].settings | expected an object, got a list",
        "`\"samples\": null, \"seed\": \"1\"` | tasks[0].variants[0].seed | expected an integer, got \"1\"",
    })
    void aValueOfTheWrongTypeSaysWhatWasExpected(String field, String path, String message) {
        String text = VALID.replace("\"shots\": 1\n        },", field + "\n        },");

        assertThat(errorsIn(text)).singleElement()
                .satisfies(problem -> assertThat(problem.field() + ": " + problem.message())
                        .isEqualTo(path + ": " + message));
    }

    @Test
    void anUnknownValueListsTheAllowedOnes() {
        String text = VALID.replace("\"few-shot-rationale\"", "\"cot\"");

        assertThat(problemsIn(text)).containsExactly("maths.rationale.json:37:24: tasks[0].variants[1].reasoning: "
                + "unknown value \"cot\" (one of: none, few-shot-rationale, zero-shot-trigger, custom)");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        String text = VALID.replace("\"id\": \"cot\",", "\"id\": \"cot\",\n          \"id\": \"cot2\",");

        assertThat(errorsIn(text)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tasks[0].variants[1]");
            assertThat(problem.message()).isEqualTo("duplicate field \"id\"");
            assertThat(problem.line()).isEqualTo(37);
        });
    }

    @Test
    void aTruncatedFileIsASyntaxErrorAtItsEnd() {
        String text = VALID.substring(0, VALID.indexOf("\"variants\""));

        assertThat(errorsIn(text)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("not valid JSON: unexpected end of file");
            assertThat(problem.line()).isEqualTo(30);
        });
    }

    @Test
    void aMissingCommaIsASyntaxErrorOnItsLine() {
        String text = VALID.replace("\"name\": \"Maths\",", "\"name\": \"Maths\"");

        assertThat(problemsIn(text)).containsExactly("maths.rationale.json:5:3: not valid JSON: unexpected character "
                + "('\"'): was expecting comma to separate Object entries");
    }

    @Test
    void contentAfterTheEndIsAnError() {
        assertThat(errorsIn(VALID + "{}\n")).singleElement().satisfies(problem ->
                assertThat(problem.message()).isEqualTo("unexpected content after the end of the prompt set"));
    }

    @Test
    void aFileFromANewerRationaleIsRefusedForItsVersionNotItsNewFields() {
        String text = VALID.replace("\"version\": 1,", "\"version\": 2,\n  \"rubric\": \"new in 2\",");

        assertThat(problemsIn(text)).containsExactly("maths.rationale.json:3:14: version: this file was written by a"
                + " newer Rationale (version 2); this Rationale reads up to version 1");
    }

    @Test
    void aWrongFormatIsNotAPromptSet() {
        String text = VALID.replace("\"rationale-prompt-set\"", "\"something-else\"");

        assertThat(problemsIn(text)).containsExactly("maths.rationale.json:2:13: format: not a Rationale prompt set"
                + " (expected \"rationale-prompt-set\", got \"something-else\")");
    }

    @Test
    void anObjectWithoutFormatIsNotAPromptSet() {
        assertThat(problemsIn("{\"name\": \"package\"}")).containsExactly("maths.rationale.json:1:1: format: missing;"
                + " this is not a Rationale prompt set (expected \"rationale-prompt-set\")");
    }

    @Test
    void aMissingOrNonIntegerVersionIsAnError() {
        assertThat(problemsIn(VALID.replace("\"version\": 1,", ""))).containsExactly(
                "maths.rationale.json:1:1: version: missing (expected 1)");
        assertThat(problemsIn(VALID.replace("\"version\": 1,", "\"version\": \"1\","))).containsExactly(
                "maths.rationale.json:3:14: version: expected an integer, got \"1\"");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThat(problemsIn("")).containsExactly("maths.rationale.json: the file is empty; expected a prompt set");
        assertThat(problemsIn(" \n\t\n")).containsExactly(
                "maths.rationale.json: the file is empty; expected a prompt set");
    }

    @Test
    void aListAtTheTopIsNotAPromptSet() {
        assertThat(problemsIn("[]")).containsExactly(
                "maths.rationale.json:1:1: not a Rationale prompt set: expected an object at the top, got a list");
    }

    @Test
    void aMissingFileIsReportedWithoutALocation() {
        Path missing = dir.resolve("gone.rationale.json");

        InvalidPromptSetException e = catchThrowableOfType(InvalidPromptSetException.class,
                () -> PromptSetFiles.load(missing));

        assertThat(e).hasMessage(missing + ": cannot read: no such file");
    }

    @Test
    void aDirectoryIsNotAFile() {
        InvalidPromptSetException e = catchThrowableOfType(InvalidPromptSetException.class,
                () -> PromptSetFiles.load(dir));

        assertThat(e).hasMessage(dir + ": is a directory, not a prompt-set file");
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        Path file = dir.resolve("latin1.rationale.json");
        Files.write(file, new byte[] {'{', '"', 'n', (byte) 0xE9, '"', '}'});

        InvalidPromptSetException e = catchThrowableOfType(InvalidPromptSetException.class,
                () -> PromptSetFiles.load(file));

        assertThat(e).hasMessage(file + ":1:4: not UTF-8: byte 0xE9 at offset 3");
    }

    @Test
    void everyValidatorErrorIsReportedInFileOrder() {
        String text = VALID.replace("  \"name\": \"Maths\",\n", "").replace("\"shots\": 1\n        },",
                "\"shots\": -2\n        },").replace("\"id\": \"many\"", "\"id\": \"direct\"");

        InvalidPromptSetException e = catchThrowableOfType(InvalidPromptSetException.class,
                () -> PromptSetFiles.fromJson(text, FILE));

        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "maths.rationale.json:1:1: name: is required",
                "maths.rationale.json:32:20: tasks[0].variants[0].shots: must be 0 or more, got -2",
                "maths.rationale.json:39:17: tasks[0].variants[2].id: duplicate variant id \"direct\""
                        + " (also used by tasks[0].variants[0])");
        assertThat(e.getMessage()).hasLineCount(3);
    }

    @Test
    void aChoiceProblemPointsAtItsPlaceInTheFile() {
        String text = VALID.replace("\"expected\": \"4\"", """
                "expected": "4",
                          "choices": [
                            {"text": "4", "score": 1},
                            {"text": "4", "score": 0}
                          ]""");

        assertThat(errorsIn(text)).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith(FILE + ":").endsWith(": tasks[0].cases[0].choices[1].text:"
                    + " duplicate choice text \"4\" (also used by tasks[0].cases[0].choices[0])");
            assertPointsAt(problem, text, "\"4\", \"score\": 0}");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"score\": \"1\"` | tasks[0].cases[0].choices[0].score: expected a number, got \"1\"",
        "`\"score\": 1e999`   | tasks[0].cases[0].choices[0].score: must be a finite number, got Infinity",
        "`\"scor\": 1`        | tasks[0].cases[0].choices[0].scor: unknown field \"scor\" (known fields: text, score)",
    })
    void aChoiceScoreMustBeAFiniteNumber(String score, String problem) {
        String text = VALID.replace("\"expected\": \"4\"", "\"expected\": \"4\", \"choices\": [{\"text\": \"4\", "
                + score + "}, {\"text\": \"5\", \"score\": 0}]");

        assertThat(errorsIn(text)).extracting(p -> p.field() + ": " + p.message()).first().isEqualTo(problem);
    }

    @Test
    void yamlChoicesWithAnInfiniteScoreAreRefusedAtTheScore() {
        String json = VALID.replace("\"expected\": \"4\"", "\"expected\": \"4\", \"choices\": [{\"text\": \"4\","
                + " \"score\": 1}, {\"text\": \"5\", \"score\": 0}]");
        String yaml = PromptSetFiles.toYaml(PromptSetFiles.fromJson(json, FILE))
                .replace("score: 1\n", "score: 1.0e+999\n");

        assertThat(yamlErrorsIn(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.field() + ": " + problem.message())
                    .isEqualTo("tasks[0].cases[0].choices[0].score: must be a finite number, got Infinity");
            assertPointsAt(problem, yaml, "1.0e+999");
        });
    }

    @Test
    void yamlSyntaxErrorsHaveTheirLocation() {
        String yaml = "format: rationale-prompt-set\nversion: 1\nname: Maths\ntasks:\n  - id: sums\n   bad: indent\n";

        assertThat(yamlErrorsIn(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("not valid YAML: ");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.column()).isEqualTo(4);
        });
    }

    @Test
    void yamlUnknownFieldsDuplicatesAndValidatorErrorsHaveTheirLocation() {
        String yaml = PromptSetFiles.toYaml(PromptSetFiles.fromJson(VALID, FILE));
        String unknown = yaml.replace("    variants:\n      - id: direct\n        shots: 1\n",
                "    variants:\n      - id: direct\n        shot: 1\n");
        String duplicate = yaml.replace("name: Maths\n", "name: Maths\nname: Again\n");
        String negative = yaml.replace("      - id: many\n        shots: 1\n", "      - id: many\n        shots: -1\n");

        assertThat(yamlErrorsIn(unknown)).singleElement().satisfies(problem ->
                assertThat(problem.format()).startsWith("set.yaml:21:15: tasks[0].variants[0].shot: unknown field"));
        assertThat(yamlErrorsIn(duplicate)).extracting(Problem::format)
                .containsExactly("set.yaml:4:5: duplicate field \"name\"");
        assertThat(yamlErrorsIn(negative)).extracting(Problem::format)
                .containsExactly("set.yaml:25:16: tasks[0].variants[2].shots: must be 0 or more, got -1");
    }

    @Test
    void yamlTextWhereAnIntegerBelongsSaysSo() {
        String yaml = PromptSetFiles.toYaml(PromptSetFiles.fromJson(VALID, FILE)).replace("shots: 1", "shots: \"1\"");

        assertThat(yamlErrorsIn(yaml)).first().satisfies(problem ->
                assertThat(problem.message()).isEqualTo("expected an integer, got \"1\""));
    }

    private static List<String> problemsIn(String json) {
        return errorsIn(json).stream().map(Problem::format).toList();
    }

    private static List<Problem> errorsIn(String json) {
        return catchThrowableOfType(InvalidPromptSetException.class, () -> PromptSetFiles.fromJson(json, FILE))
                .problems();
    }

    private static List<Problem> yamlErrorsIn(String yaml) {
        return catchThrowableOfType(InvalidPromptSetException.class, () -> PromptSetFiles.fromYaml(yaml, "set.yaml"))
                .problems();
    }

    // Checks the problem's line and column against where the snippet starts in the text.
    private static void assertPointsAt(Problem problem, String text, String snippet) {
        int offset = text.indexOf(snippet);
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        assertThat(problem.line()).as("line").isEqualTo(line);
        assertThat(problem.column()).as("column").isEqualTo(column);
    }
}
