// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptSetFilesRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"set.rationale.json", "set.rationale.yaml", "set.rationale.yml"})
    void aSetWithEveryFieldLoadsBackEqual(String fileName) {
        PromptSet set = PromptSetFixtures.everyField();
        Path file = dir.resolve(fileName);

        PromptSetFiles.save(set, file);

        assertThat(PromptSetFiles.load(file)).isEqualTo(set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"set.rationale.json", "set.rationale.yaml"})
    void savingTwiceGivesIdenticalBytes(String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        PromptSetFiles.save(PromptSetFixtures.everyField(), file);
        byte[] first = Files.readAllBytes(file);

        PromptSetFiles.save(PromptSetFiles.load(file), file);

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"set.rationale.json", "set.rationale.yaml"})
    void aVariantsThinkingLevelIsSavedByNameAndLoadsBack(String fileName) throws IOException {
        Task task = PromptSetFixtures.minimalTask();
        Variant thinking = new Variant("think", null, null, List.of(), null, null, null, null, null, null, null,
                null, GenerationSettings.NONE.withThinking(ThinkingLevel.LOW));
        PromptSet set = PromptSet.of("Thinking", List.of(new Task(task.id(), task.title(), task.description(),
                task.template(), task.answer(), task.exemplars(), task.cases(), List.of(thinking))));
        Path file = dir.resolve(fileName);

        PromptSetFiles.save(set, file);

        assertThat(Files.readString(file)).containsPattern("thinking\"?: \"?low");
        PromptSet loaded = PromptSetFiles.load(file);
        assertThat(loaded.tasks().getFirst().variants().getFirst().settings().thinking())
                .isEqualTo(ThinkingLevel.LOW);
    }

    @Test
    void aFileFromBeforeThinkingLevelsLoadsWithTheLevelLeftToTheModel() {
        PromptSet loaded = PromptSetFiles.load(write("old.rationale.json", PromptSetFiles.toJson(
                PromptSetFixtures.minimal()).replace("\"id\": \"direct\"",
                "\"id\": \"direct\", \"settings\": {\"temperature\": 0.5}")));

        GenerationSettings settings = loaded.tasks().getFirst().variants().getFirst().settings();
        assertThat(settings.temperature()).isEqualTo(0.5);
        assertThat(settings.thinking()).isNull();
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void jsonIsIndentedByTwoSpacesWithAbsentFieldsLeftOutAndOneFinalNewline() {
        String json = PromptSetFiles.toJson(PromptSetFixtures.minimal());

        assertThat(json).isEqualTo("""
                {
                  "format": "rationale-prompt-set",
                  "version": 1,
                  "name": "Minimal",
                  "tasks": [
                    {
                      "id": "apples",
                      "template": {
                        "input": "Q: {{question}}"
                      },
                      "exemplars": [
                        {
                          "id": "basket",
                          "inputs": {
                            "question": "3 + 4?"
                          },
                          "rationale": "3 + 4 = 7.",
                          "answer": "7"
                        }
                      ],
                      "cases": [
                        {
                          "id": "pears",
                          "inputs": {
                            "question": "5 - 2?"
                          },
                          "expected": "3"
                        }
                      ],
                      "variants": [
                        {
                          "id": "direct"
                        }
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void choicesFollowTheExpectedAnswerAsTextAndScoreAndAreLeftOutWhenThereAreNone() {
        TestCase scored = new TestCase("pears", Map.of("question", "5 - 2?"), "3",
                List.of(Choice.of("3", 1), Choice.of("2", 0.25)));
        Task task = PromptSetFixtures.minimalTask().withCases(List.of(scored, TestCase.of(Map.of("question", "q"))));

        String json = PromptSetFiles.toJson(PromptSet.of("Choices", List.of(task)));

        assertThat(json).contains("""
                      "cases": [
                        {
                          "id": "pears",
                          "inputs": {
                            "question": "5 - 2?"
                          },
                          "expected": "3",
                          "choices": [
                            {
                              "text": "3",
                              "score": 1
                            },
                            {
                              "text": "2",
                              "score": 0.25
                            }
                          ]
                        },
                        {
                          "inputs": {
                            "question": "q"
                          }
                        }
                      ],
                """);
    }

    @Test
    void yamlWritesChoicesAsAListWithTheirTextsQuoted() {
        String yaml = PromptSetFiles.toYaml(PromptSetFixtures.everyField());

        assertThat(yaml).contains("""
                        expected: "3"
                        choices:
                          - text: "3"
                            score: 1
                          - text: "2"
                            score: 0
                          - text: "2.5"
                            score: 0.25
                """);
        assertThat(PromptSetFiles.fromYaml(yaml, "set.yaml").tasks().getFirst().cases().getFirst().choices())
                .containsExactly(Choice.of("3", 1), Choice.of("2", 0), Choice.of("2.5", 0.25));
    }

    @Test
    void jsonPutsEachListElementOnItsOwnLineAndWritesWholeNumbersWithoutFraction() {
        PromptSet set = withDefaults(new GenerationSettings(0.0, 1.0, 200, List.of("\n\nQ:", "END"), null, null));

        assertThat(PromptSetFiles.toJson(set)).contains("""
                  "defaults": {
                    "temperature": 0,
                    "topP": 1,
                    "maxTokens": 200,
                    "stop": [
                      "\\n\\nQ:",
                      "END"
                    ]
                  },
                """);
    }

    @Test
    void anEmptyObjectIsWrittenAsTwoBraces() {
        PromptSet set = withDefaults(GenerationSettings.NONE);

        assertThat(PromptSetFiles.toJson(set)).contains("  \"defaults\": {},\n");
    }

    @Test
    void jsonKeepsNonAsciiTextUnescapedAndUsesOnlyLineFeeds() throws IOException {
        Path file = dir.resolve("set.rationale.json");

        PromptSetFiles.save(PromptSetFixtures.everyField(), file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("Every field — café", "Ünïcödé: 日本 + 🍎?").doesNotContain("\\u", "\r");
        assertThat(text).endsWith("}\n").doesNotEndWith("\n\n");
    }

    @Test
    void yamlHasNoDocumentMarkerAndWritesMultiLineTextAsLiteralBlocks() {
        String yaml = PromptSetFiles.toYaml(PromptSetFixtures.everyField());

        assertThat(yaml).startsWith("format: rationale-prompt-set\nversion: 1\n");
        assertThat(yaml.lines()).doesNotContain("---");
        assertThat(yaml).contains("description: |-\n  A set that uses every field.\n  On two lines.\n");
        assertThat(yaml).contains("Ünïcödé: 日本 + 🍎?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "007", "3.50", "-1", "1e3", "0x1F", ".5", "true", "False", "yes", "No", "on", "off",
        "y", "n", "null", "~", "", " ", " leading", "trailing ", "- dash", "# hash", "a: b", "key:", "[list]",
        "{map}", "*star", "&amp", "!tag", "%percent", "@at", "`tick", "'quote", "\"double\"", "tab\there",
        "\n\nQ:", "line one\nline two", "ends with newline\n", "\n", "  indented\nblock", "trailing space \nx",
        "2024-01-01", "12:30", "café é"})
    void yamlKeepsEveryStringAString(String text) {
        Task task = PromptSetFixtures.minimalTask()
                .withCases(List.of(new TestCase("c", Map.of("question", "q"), text)));
        PromptSet set = PromptSet.of("Strings", List.of(task));

        PromptSet back = PromptSetFiles.fromYaml(PromptSetFiles.toYaml(set), "test.yaml");

        assertThat(back.tasks().getFirst().cases().getFirst().expected()).isEqualTo(text);
    }

    @Test
    void yamlQuotesTextThatWouldOtherwiseReadAsANumber() {
        String yaml = PromptSetFiles.toYaml(PromptSetFixtures.minimal());

        assertThat(yaml).contains("answer: \"7\"", "expected: \"3\"");
    }

    @Test
    void theExtensionDecidesTheSyntaxWhateverItsCase() throws IOException {
        Path file = dir.resolve("SET.RATIONALE.YAML");

        PromptSetFiles.save(PromptSetFixtures.minimal(), file);

        assertThat(Files.readString(file)).startsWith("format: rationale-prompt-set\n");
        assertThat(PromptSetFiles.load(file)).isEqualTo(PromptSetFixtures.minimal());
    }

    @Test
    void aFileWithAByteOrderMarkStillLoads() {
        String text = "\uFEFF" + PromptSetFiles.toJson(PromptSetFixtures.minimal());

        assertThat(PromptSetFiles.fromJson(text, "bom.json")).isEqualTo(PromptSetFixtures.minimal());
    }

    @Test
    void loadingKeepsTheValidatorsWarnings() throws IOException {
        Path file = dir.resolve("set.rationale.json");
        Files.writeString(file, PromptSetFiles.toJson(PromptSetFixtures.minimal())
                .replace("\"id\": \"direct\"", "\"id\": \"direct\",\n          \"shots\": 5"));

        LoadedPromptSet loaded = PromptSetFiles.loadWithWarnings(file);

        assertThat(loaded.warnings()).extracting(Problem::field).containsExactly("tasks[0].variants[0].shots");
    }

    private static PromptSet withDefaults(GenerationSettings defaults) {
        PromptSet minimal = PromptSetFixtures.minimal();
        return new PromptSet(minimal.format(), minimal.version(), minimal.name(), null, defaults, List.of(),
                minimal.tasks());
    }
}
