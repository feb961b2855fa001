// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configurations written by hand, as promptfoo users write them. */
class PromptfooReaderTest {
    private static final String CONFIG = """
            description: Capitals
            prompts:
              - "What is the capital of {{ country }}? Answer with the city only."
              - |-
                [{"role": "system", "content": "You are terse."},
                 {"role": "user", "content": "Capital of France?"},
                 {"role": "assistant", "content": "Paris"},
                 {"role": "user", "content": "Capital of {{country}}?"}]
              - "{{ country | upper }} capital?"
              - file://prompts/other.txt
            providers:
              - openai:gpt-4o-mini
            tests:
              - description: germany
                vars:
                  country: Germany
                assert:
                  - type: equals
                    value: Berlin
              - vars:
                  country: Japan
                assert:
                  - type: icontains
                    value: tokyo
                  - type: llm-rubric
                    value: names a city
            """;

    @Test
    void promptsBecomeVariantsTestsCasesAndEqualsTheExpectedAnswer() {
        PromptfooImport imported = PromptfooReader.read(CONFIG, "promptfooconfig.yaml", "capitals");

        Task task = imported.promptSet().task("capitals").orElseThrow();
        assertThat(imported.promptSet().name()).isEqualTo("Capitals");
        assertThat(task.variants()).extracting(v -> v.id()).containsExactly("prompt-1", "prompt-2");
        assertThat(task.cases()).containsExactly(
                new TestCase(null, Map.of("country", "Germany"), "Berlin"),
                new TestCase(null, Map.of("country", "Japan"), null));
        assertThat(task.effectiveAnswer().effectiveExtract()).isEqualTo(ExtractRule.WHOLE);
        assertThat(task.effectiveAnswer().effectiveCompare()).isEqualTo(CompareRule.EXACT);
        TestCase germany = task.cases().getFirst();
        assertThat(PromptRenderer.render(task, task.variants().get(0), germany)).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.user("What is the capital of Germany? Answer with the city only."))));
        assertThat(PromptRenderer.render(task, task.variants().get(1), germany)).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.system("You are terse."), ChatMessage.user("Capital of France?"),
                        ChatMessage.assistant("Paris"), ChatMessage.user("Capital of Germany?"))));
        assertThat(PromptSetFiles.fromJson(PromptSetFiles.toJson(imported.promptSet()), "x"))
                .as("a valid set").isEqualTo(imported.promptSet());
    }

    @Test
    void whatCannotBeMappedIsListed() {
        PromptfooImport imported = PromptfooReader.read(CONFIG, "promptfooconfig.yaml", "capitals");

        assertThat(imported.notMapped()).containsExactly(
                "prompt \"{{ country | upper }} capital?\": uses template features beyond {{ variable }} (filters,"
                        + " conditions, loops)",
                "prompt 4: only inline prompts are read, not file://prompts/other.txt",
                "test 2: the assertion icontains is not mapped",
                "test 2: the assertion llm-rubric is not mapped");
    }

    @Test
    void choicesInATestsMetadataAreReadOnlyAsAListOfTextAndScore() {
        String config = """
                prompts:
                  - "Capital of {{ country }}?"
                tests:
                  - vars: {country: France}
                    metadata: {expected: Paris, choices: [{text: Paris, score: 1}, {text: Lyon, score: 0}]}
                  - vars: {country: Spain}
                    metadata: {expected: Madrid, choices: [{text: Madrid, score: high}]}
                """;

        PromptfooImport imported = PromptfooReader.read(config, "promptfooconfig.yaml", "capitals");

        assertThat(imported.promptSet().tasks().getFirst().cases()).containsExactly(
                new TestCase(null, Map.of("country", "France"), "Paris",
                        List.of(Choice.of("Paris", 1), Choice.of("Lyon", 0))),
                new TestCase(null, Map.of("country", "Spain"), "Madrid"));
        assertThat(imported.notMapped()).containsExactly(
                "test 2: metadata.choices is not a list of text and score, and is left out");
    }

    @Test
    void aTextPromptOnlyCompletionProvidersRunIsRawTextEndingInItsCue() {
        PromptfooImport imported = PromptfooReader.read("""
                prompts:
                  - {label: plain, raw: "Q: {{ q }}\\nA:"}
                  - {label: both, raw: "Q: {{ q }}\\nA:"}
                providers:
                  - {id: "openai:completion:m", prompts: [plain, both]}
                  - {id: "openai:chat:m", prompts: [both]}
                tests:
                  - vars: {q: "2+2?"}
                """, "c.yaml", "t");

        Task task = imported.promptSet().task("t").orElseThrow();
        TestCase only = task.cases().getFirst();
        assertThat(PromptRenderer.render(task, task.variants().get(0), only))
                .isEqualTo(new RenderedPrompt.Text("Q: 2+2?\nA:"));
        assertThat(PromptRenderer.render(task, task.variants().get(1), only))
                .isEqualTo(new RenderedPrompt.Chat(List.of(ChatMessage.user("Q: 2+2?\nA:"))));
        assertThat(imported.notMapped()).isEmpty();
    }

    @Test
    void aFileWithoutPromptsIsRefused() {
        assertThatThrownBy(() -> PromptfooReader.read("tests: []\n", "empty.yaml", "t"))
                .isInstanceOf(RationaleException.class).hasMessage("empty.yaml: no prompts (only an inline list of"
                        + " prompts is read)");
    }
}
