// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final String APPLES = """
            {
              "format": "rationale-prompt-set",
              "version": 1,
              "name": "Apples",
              "tasks": [
                {
                  "id": "apples",
                  "template": {
                    "instruction": "Answer in {{unit}}.",
                    "input": "Q: {{question}}",
                    "cue": "A:"
                  },
                  "exemplars": [
                    {
                      "id": "basket",
                      "inputs": {
                        "unit": "apples",
                        "question": "3 apples and 4 more?"
                      },
                      "rationale": "3 + 4 = 7.",
                      "answer": "7"
                    }
                  ],
                  "cases": [
                    {
                      "id": "pears",
                      "inputs": {
                        "unit": "pears",
                        "question": "5 pears, 2 eaten?"
                      },
                      "expected": "3"
                    },
                    {
                      "id": "crème",
                      "inputs": {
                        "unit": "pots",
                        "question": "Deux pots de crème brûlée, puis un de plus ?"
                      },
                      "expected": "3"
                    }
                  ],
                  "variants": [
                    {
                      "id": "cot",
                      "reasoning": "few-shot-rationale",
                      "shape": "text"
                    },
                    {
                      "id": "chat",
                      "system": "Be exact.",
                      "reasoning": "zero-shot-trigger",
                      "shots": 0
                    }
                  ]
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private static final String ARITHMETIC = CliRun.sample("arithmetic.rationale.json").toString();

    /** The sample arithmetic set's cot-8 variant for its first case, as its author wrote it: raw text. */
    private static String arithmeticCot8AsWritten() throws Exception {
        CliRun run = CliRun.of("render", ARITHMETIC, "--variant", "cot-8", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out()).get("prompt").asText();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Path apples() throws Exception {
        Path file = dir.resolve("apples.rationale.json");
        Files.writeString(file, APPLES);
        return file;
    }

    @Test
    void printsTheFirstVariantForTheFirstCaseVerbatim() throws Exception {
        CliRun run = CliRun.of("render", apples().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                Answer in pears.

                Q: 3 apples and 4 more?
                A: 3 + 4 = 7. The answer is 7.

                Q: 5 pears, 2 eaten?
                A:
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void chatMessagesAreEachUnderTheirRole() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--variant", "chat", "--case", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                === system ===
                Be exact.

                Answer in pots.

                === user ===
                Q: Deux pots de crème brûlée, puis un de plus ?

                Let's think step by step.
                """);
    }

    @Test
    void caseCanBeChosenByIdAndJsonIsTheWireShape() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--variant", "chat", "--case", "crème", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("shape").asText()).isEqualTo("chat");
        assertThat(json.get("messages")).hasSize(2);
        assertThat(json.get("messages").get(1).get("role").asText()).isEqualTo("user");
        assertThat(json.get("messages").get(1).get("content").asText())
                .isEqualTo("Q: Deux pots de crème brûlée, puis un de plus ?\n\nLet's think step by step.");
        assertThat(run.out()).endsWith("}\n").doesNotContain("\n{");
    }

    @Test
    void textJsonHoldsTheWholePromptInOneString() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("shape").asText()).isEqualTo("text");
        assertThat(json.get("prompt").asText()).endsWith("Q: 5 pears, 2 eaten?\nA:");
    }

    @Test
    void inputsCanReplaceACasesValuesOrStandAlone() throws Exception {
        CliRun replaced = CliRun.of("render", apples().toString(), "--case", "pears", "--input", "unit=kg");
        CliRun alone = CliRun.of("render", apples().toString(), "--variant", "chat",
                "--input", "unit=kg", "--input", "question=How heavy?");

        assertThat(replaced.out()).startsWith("Answer in kg.\n").contains("Q: 5 pears, 2 eaten?\nA:");
        assertThat(alone.exitCode()).isZero();
        assertThat(alone.out()).contains("Answer in kg.").contains("Q: How heavy?");
    }

    @Test
    void aMissingInputIsBadInputNamingTheVariable() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--input", "unit=kg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("{{question}}").contains("--input");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownTaskVariantOrCaseListsWhatExists() throws Exception {
        Path file = apples();

        CliRun task = CliRun.of("render", file.toString(), "--task", "nope");
        CliRun variant = CliRun.of("render", file.toString(), "--variant", "nope");
        CliRun position = CliRun.of("render", file.toString(), "--case", "9");

        assertThat(task.exitCode()).isEqualTo(2);
        assertThat(task.err()).contains("no task \"nope\"").contains("tasks: apples");
        assertThat(variant.err()).contains("variants: cot, chat");
        assertThat(position.exitCode()).isEqualTo(2);
        assertThat(position.err()).contains("has 2 cases; --case 9");
    }

    @Test
    void aBrokenFileIsBadInputWithTheLoadersMessage() throws Exception {
        Path file = dir.resolve("broken.rationale.json");
        Files.writeString(file, APPLES.replace("\"shots\": 0", "\"shot\": 0"));

        CliRun run = CliRun.of("render", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.rationale.json:").contains("shot");
    }

    @Test
    void rendersEveryVariantOfEverySampleSet() throws Exception {
        for (String name : new String[] {"arithmetic", "multiple-choice", "translation", "code-generation"}) {
            Path file = CliRun.sample(name + ".rationale.json");
            var set = dev.rationale.core.promptset.PromptSetFiles.load(file);
            for (var task : set.tasks()) {
                for (var variant : task.variants()) {
                    CliRun run = CliRun.of("render", file.toString(), "--task", task.id(), "--variant", variant.id(),
                            "--case", "1");
                    assertThat(run.exitCode()).as(name + " " + task.id() + " " + variant.id() + ": " + run.err())
                            .isZero();
                    String firstCase = task.cases().getFirst().inputs().values().iterator().next();
                    assertThat(run.out()).contains(firstCase);
                }
            }
        }
    }

    @Test
    void forAChatOnlyBackendATextVariantIsShownAsMultiTurnMessagesWithItsAdaptation() throws Exception {
        String text = arithmeticCot8AsWritten();

        // No --base-url: the OpenAI chat backend takes chat only, which it knows without asking a server.
        CliRun run = CliRun.of("render", ARITHMETIC, "--variant", "cot-8", "--json", "--provider", "openai",
                "--model", "gpt-test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String note = "sent as 18 chat messages: multi-turn few-shot";
        assertThat(run.err()).isEqualTo("note: " + note + System.lineSeparator());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("shape", "adaptation", "messages");
        assertThat(json.get("shape").asText()).isEqualTo("chat");
        assertThat(json.get("adaptation").asText()).isEqualTo(note);
        JsonNode messages = json.get("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asText()));
        List<String> expectedRoles = new ArrayList<>(List.of("system"));
        for (int shot = 0; shot < 8; shot++) {
            expectedRoles.addAll(List.of("user", "assistant"));
        }
        expectedRoles.add("user");
        assertThat(roles).isEqualTo(expectedRoles);
        List<String> blocks = List.of(text.split("\n\n"));
        assertThat(messages.get(0).get("content").asText()).isEqualTo(blocks.getFirst());
        assertThat(messages.get(1).get("content").asText() + "\nA: " + messages.get(2).get("content").asText())
                .isEqualTo(blocks.get(1));
        // This backend continues no reply of ours, so the cue ends the question.
        assertThat(messages.get(17).get("content").asText()).isEqualTo(blocks.getLast()).endsWith("\nA:");
    }

    @Test
    void aSingleMessageLayoutShowsTheWholeTextPromptAsOneUserMessage() throws Exception {
        String text = arithmeticCot8AsWritten();

        CliRun run = CliRun.of("render", ARITHMETIC, "--variant", "cot-8", "--json", "--provider", "openai",
                "--model", "gpt-test", "--chat-layout", "single-message");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("adaptation").asText()).isEqualTo("sent as 1 chat message: single message");
        assertThat(json.get("messages")).hasSize(1);
        assertThat(json.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(json.get("messages").get(0).get("content").asText()).isEqualTo(text);
    }

    @Test
    void forATextOnlyBackendAChatVariantIsShownInItsTextLayout() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--variant", "chat", "--provider", "openai-text",
                "--model", "m");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Be exact.

                Answer in pears.

                Q: 5 pears, 2 eaten?
                A: Let's think step by step.
                """);
        assertThat(run.err()).isEqualTo("note: sent as raw text in the variant's text layout: openai-text takes raw"
                + " text only" + System.lineSeparator());
    }

    @Test
    void forAnEmbeddedBaseModelAChatVariantIsShownAsRawText() throws Exception {
        Path model = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
                .resolve("stories260K.gguf");

        CliRun run = CliRun.of("render", apples().toString(), "--variant", "chat", "--provider", "embedded",
                "--model", model.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("shape").asText()).isEqualTo("text");
        assertThat(json.get("adaptation").asText())
                .isEqualTo("sent as raw text in the variant's text layout: stories260K.gguf has no chat template");
        assertThat(json.get("prompt").asText()).startsWith("Be exact.\n\nAnswer in pears.");
    }

    @Test
    void aChatLayoutWithoutABackendIsAUsageError() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--chat-layout", "single-message");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --provider or --endpoint");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownChatLayoutNamesTheLayouts() throws Exception {
        CliRun run = CliRun.of("render", apples().toString(), "--provider", "openai", "--model", "m",
                "--chat-layout", "sideways");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"sideways\" is not a chat layout (one of: multi-turn, single-message)");
    }
}
