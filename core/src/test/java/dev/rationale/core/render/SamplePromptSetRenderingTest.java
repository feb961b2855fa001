// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped sample sets hold what the product promises, and their prompts agree with their answer formats. */
class SamplePromptSetRenderingTest {
    private static Path samples() {
        return Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"));
    }

    private static PromptSet sample(String name) {
        return PromptSetFiles.load(samples().resolve(name + ".rationale.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice", "translation", "code-generation"})
    void everyVariantRendersEveryCase(String name) {
        for (Task task : sample(name).tasks()) {
            for (Variant variant : task.variants()) {
                for (TestCase testCase : task.cases()) {
                    RenderedPrompt prompt = PromptRenderer.render(task, variant, testCase);
                    assertThat(prompt.shape()).isEqualTo(variant.effectiveShape());
                    String question = testCase.inputs().values().iterator().next();
                    assertThat(plain(prompt)).contains(question);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice", "translation", "code-generation"})
    void offersTheStrategiesThatMatter(String name) {
        for (Task task : sample(name).tasks()) {
            List<Variant> variants = task.variants();
            assertThat(variants).as(task.id() + " zero-shot")
                    .anyMatch(v -> Integer.valueOf(0).equals(v.shots())
                            && v.effectiveReasoning() == ReasoningStyle.NONE);
            assertThat(variants).as(task.id() + " k-shot")
                    .anyMatch(v -> v.shots() == null || v.shots() > 0);
            assertThat(variants).as(task.id() + " self-consistency").anyMatch(v -> v.effectiveSamples() > 1);
            assertThat(variants).as(task.id() + " chat").anyMatch(v -> v.effectiveShape() == PromptShape.CHAT);
        }
    }

    @Test
    void arithmeticHasWorkedRationalesAndNumericAnswers() {
        Task task = sample("arithmetic").tasks().getFirst();

        assertThat(task.exemplars()).hasSizeGreaterThanOrEqualTo(8).allMatch(Exemplar::hasRationale);
        assertThat(task.cases()).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(c -> assertThat(c.expected()).matches("-?\\d+(\\.\\d+)?"));
        assertThat(task.effectiveAnswer().effectiveCompare()).isEqualTo(CompareRule.NUMERIC);
        assertThat(task.variants()).anyMatch(v -> v.effectiveReasoning() == ReasoningStyle.FEW_SHOT_RATIONALE)
                .anyMatch(v -> v.effectiveReasoning() == ReasoningStyle.ZERO_SHOT_TRIGGER);
    }

    @Test
    void theOtherSetsAreLargeEnoughToMeasure() {
        assertThat(sample("multiple-choice").tasks().getFirst().cases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(sample("code-generation").tasks().getFirst().cases()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(sample("translation").tasks()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(t -> assertThat(t.exemplars()).isNotEmpty());
    }

    /**
     * An exemplar's output is what the model is taught to write, so the task's own answer format must read the
     * exemplar's answer back out of it: otherwise a model that imitates perfectly would still be graded wrong.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice", "translation"})
    void answerFormatReadsBackEveryExemplarsAnswer(String name) {
        for (Task task : sample(name).tasks()) {
            AnswerGrader grader = AnswerGrader.of(task.effectiveAnswer());
            for (Variant variant : task.variants()) {
                RenderedPrompt prompt = PromptRenderer.render(task, variant, task.cases().getFirst());
                List<String> outputs = exemplarOutputs(prompt);
                List<Exemplar> shots = ExemplarPicker.pick(task, variant);
                assertThat(outputs).hasSameSizeAs(shots);
                for (int i = 0; i < shots.size(); i++) {
                    Grade grade = grader.grade(outputs.get(i), shots.get(i).answer());
                    // A rule that scores (chrF) is graded later, by its grader: here the answer must read back.
                    if (task.effectiveAnswer().effectiveCompare().scores()) {
                        assertThat(grade.extracted()).as(task.id() + "/" + variant.id() + ": " + outputs.get(i))
                                .isEqualTo(shots.get(i).answer().strip());
                    } else {
                        assertThat(grade.verdict()).as(task.id() + "/" + variant.id() + ": " + outputs.get(i))
                                .isEqualTo(Verdict.CORRECT);
                    }
                }
            }
        }
    }

    @Test
    void theFormatDocumentsExampleRendersAsDocumented() throws Exception {
        String doc = Files.readString(samples().resolveSibling("docs").resolve("prompt-set-format.md"));
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(json.find()).isTrue();
        Matcher shown = Pattern.compile("renders this text for the case:\\n\\n((?: {4}.*\\n|\\n)+)").matcher(doc);
        assertThat(shown.find()).isTrue();
        String expected = shown.group(1).lines().map(line -> line.length() >= 4 ? line.substring(4) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().stripTrailing();

        Task task = PromptSetFiles.fromJson(json.group(1), "example").tasks().getFirst();
        RenderedPrompt prompt = PromptRenderer.render(task, task.variant("cot").orElseThrow(), task.cases().getFirst());

        assertThat(plain(prompt)).isEqualTo(expected);
    }

    // The model's side of each exemplar: assistant messages in chat, the text after the cue in raw prompts.
    private static List<String> exemplarOutputs(RenderedPrompt prompt) {
        return switch (prompt) {
            case RenderedPrompt.Chat chat -> chat.messages().stream()
                    .filter(m -> m.role() == ChatRole.ASSISTANT).map(ChatMessage::content).toList();
            case RenderedPrompt.Text text -> {
                // The last block is the question; the samples' one-line system and instruction blocks drop out.
                List<String> blocks = List.of(text.prompt().split("\n\n"));
                yield blocks.subList(0, blocks.size() - 1).stream()
                        .filter(block -> block.contains("\n"))
                        .map(block -> block.substring(block.indexOf('\n') + 1))
                        .toList();
            }
        };
    }

    private static String plain(RenderedPrompt prompt) {
        return switch (prompt) {
            case RenderedPrompt.Text text -> text.prompt();
            case RenderedPrompt.Chat chat ->
                    String.join("\n", chat.messages().stream().map(ChatMessage::content).toList());
        };
    }
}
