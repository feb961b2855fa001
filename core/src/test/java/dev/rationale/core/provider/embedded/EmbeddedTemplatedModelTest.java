// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine on a model with a chat template: a copy of stories260K.gguf with a ChatML template added to
 * its metadata (llama.cpp recognises a template that writes {@code <|im_start|>} as ChatML), against the file as
 * shipped, which has none.
 */
class EmbeddedTemplatedModelTest {
    private static final String CHATML = "{% for message in messages %}"
            + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    @TempDir
    static Path folder;

    private static Path templated;
    private static EmbeddedProvider provider;

    @BeforeAll
    static void start() throws IOException {
        templated = folder.resolve("stories260K-chatml.gguf");
        GgufHeader.copyWithString(TestModels.stories(), templated, "tokenizer.chat_template", CHATML);
        provider = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder()).withThreads(1));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** The messages as ChatML writes them, ending with the opening of the assistant's turn. */
    private static String chatml(List<ChatMessage> messages) {
        return messages.stream()
                .map(m -> "<|im_start|>" + m.role().wireName() + "\n" + m.content() + "<|im_end|>\n")
                .collect(Collectors.joining()) + "<|im_start|>assistant\n";
    }

    /** The prompt of the variant, cut to one exemplar at most, as the engine takes it for {@code model}. */
    private static RenderedPrompt shaped(String model, String variantId) {
        Variant variant = ArithmeticSample.variant(variantId);
        Variant cut = Integer.valueOf(0).equals(variant.shots()) ? variant : variant.withShots(1);
        return PromptShaper.shape(ArithmeticSample.draft(cut), provider.intake(model), ChatLayout.MULTI_TURN,
                null);
    }

    @Test
    void theCopyKeepsEveryKeyAndTensorAndAddsTheTemplate() throws IOException {
        GgufHeader original = GgufHeader.read(Files.readAllBytes(TestModels.stories()));
        byte[] copy = Files.readAllBytes(templated);
        GgufHeader changed = GgufHeader.read(copy);

        assertThat(changed.metadata()).hasSize(original.metadata().size() + 1);
        assertThat(changed.metadata().subList(0, original.metadata().size()))
                .usingRecursiveFieldByFieldElementComparator().isEqualTo(original.metadata());
        assertThat(GgufHeader.text(changed.metadata().getLast())).isEqualTo(CHATML);
        assertThat(changed.tensorCount()).isEqualTo(original.tensorCount());
        assertThat(changed.tensorInfos()).isEqualTo(original.tensorInfos());
        assertThat(changed.dataOffset() % GgufHeader.DEFAULT_ALIGNMENT).isZero();
        byte[] data = Files.readAllBytes(TestModels.stories());
        assertThat(copy.length - changed.dataOffset()).isEqualTo(data.length - original.dataOffset());
        assertThat(Arrays.mismatch(copy, (int) changed.dataOffset(), copy.length,
                data, (int) original.dataOffset(), data.length)).isEqualTo(-1);
    }

    @Test
    void theEngineSeesTheTemplateAndTakesChatThroughIt() {
        PromptIntake intake = provider.intake(templated.toString());

        assertThat(intake.template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(intake.model()).isEqualTo("stories260K-chatml.gguf");
        assertThat(intake.chat()).as("chat goes on the wire as text").isFalse();
        assertThat(intake.takesChat()).isTrue();
        assertThat(intake.prefill()).isTrue();
    }

    @Test
    void aChatVariantIsRenderedByTheFilesTemplate() {
        ArithmeticSample.Shot shot = ArithmeticSample.SHOTS.getFirst();
        List<ChatMessage> messages = List.of(
                ChatMessage.system(ArithmeticSample.TUTOR + "\n\n" + ArithmeticSample.INSTRUCTION),
                ChatMessage.user(shot.input()), ChatMessage.assistant(shot.output()),
                ChatMessage.user(ArithmeticSample.CASE));
        String model = templated.toString();

        RenderedPrompt prompt = shaped(model, "chat-cot-8");

        assertThat(prompt).isEqualTo(new RenderedPrompt.Text(chatml(messages),
                "formatted by stories260K-chatml.gguf's chat template"));
        assertThat(provider.tokenize(model, new RenderedPrompt.Chat(messages)))
                .isEqualTo(provider.tokenize(model, new RenderedPrompt.Text(chatml(messages))))
                .isEqualTo(provider.tokenize(model, prompt));
    }

    @Test
    void aTextVariantBecomesTurnsWithTheCuePrefilledAfterTheTemplatesOpening() {
        RenderedPrompt prompt = shaped(templated.toString(), "zero-shot-cot");

        String expected = chatml(List.of(ChatMessage.system(ArithmeticSample.INSTRUCTION),
                ChatMessage.user(ArithmeticSample.CASE))) + "A: " + ArithmeticSample.TRIGGER;
        assertThat(prompt).isEqualTo(new RenderedPrompt.Text(expected, "sent as 3 chat messages: multi-turn "
                + "few-shot, the reply starts with \"A: " + ArithmeticSample.TRIGGER
                + "\"; formatted by stories260K-chatml.gguf's chat template"));
    }

    @Test
    void theShippedModelHasNoTemplateAndATextVariantGoesToItUnchanged() {
        String model = TestModels.stories().toString();
        RenderedPrompt written = ArithmeticSample.draft(ArithmeticSample.variant("cot-8").withShots(1)).asWritten();

        RenderedPrompt prompt = shaped(model, "cot-8");

        assertThat(provider.intake(model).template()).isEqualTo(PromptIntake.Template.ABSENT);
        assertThat(prompt).isEqualTo(written)
                .isEqualTo(new RenderedPrompt.Text(ArithmeticSample.fewShotText(null, 1)));
        assertThat(provider.tokenize(model, prompt)).isEqualTo(provider.tokenize(model, written));
        CompletionResult result = TestModels.run(provider, CompletionRequest.of(model, prompt).withMaxTokens(4));
        assertThat(result.failure()).isNull();
        assertThat(result.usage().promptTokens()).isEqualTo(provider.tokenize(model, written).size());
    }

    @Test
    void generationOnTheTemplatedCopyRunsToItsEnd() {
        String model = templated.toString();
        RenderedPrompt prompt = shaped(model, "zero-shot-cot");

        CompletionResult result = TestModels.run(provider, CompletionRequest.of(model, prompt).withLogprobs(0));

        assertThat(result.failure()).isNull();
        assertThat(result.samples()).singleElement().satisfies(sample -> {
            assertThat(sample.finishReason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
            assertThat(sample.text()).isNotEmpty();
        });
        assertThat(result.usage().promptTokens()).isEqualTo(provider.tokenize(model, prompt).size());
    }
}
