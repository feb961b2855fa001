// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedProviderTest {
    private static EmbeddedProvider provider;

    @BeforeAll
    static void start() {
        provider = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder()).withThreads(1)
                .withParallelism(4));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @ParameterizedTest
    @CsvSource({"Once upon a time, ONCE_64", "Lily had a, LILY_64", "The dog, DOG_64"})
    void greedyGenerationReproducesTheReferenceContinuation(String prompt, String reference) {
        CompletionResult result = TestModels.run(provider, TestModels.text(prompt).withMaxTokens(64).withLogprobs(0));

        assertThat(result.failure()).isNull();
        assertThat(result.first().text()).isEqualTo(expected(reference));
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.first().tokens()).hasSize(64);
        assertThat(result.first().tokens().stream().map(ScoredToken::text).collect(Collectors.joining()))
                .isEqualTo(result.first().text());
        assertThat(result.usage().completionTokens()).isEqualTo(64);
        assertThat(result.timings().firstTokenMillis()).isNotNull();
    }

    @Test
    void theStreamReportsTheReferenceProbabilitiesOfTheFirstSteps() {
        CompletionResult result = TestModels.run(provider, TestModels.text(TestModels.ONCE).withMaxTokens(10)
                .withLogprobs(5));

        List<ScoredToken> tokens = result.first().tokens();
        assertThat(tokens.get(0).probability()).isCloseTo(0.968795, within(1e-5));
        assertThat(tokens.get(0).top().get(1).text()).isEqualTo(" there");
        assertThat(Math.exp(tokens.get(0).top().get(1).logprob())).isCloseTo(0.028729, within(1e-5));
        assertThat(tokens.get(4).text()).isEqualTo(" little");
        assertThat(tokens.get(4).probability()).isCloseTo(0.610194, within(1e-5));
        assertThat(tokens.get(4).top().get(1).text()).isEqualTo(" big");
        assertThat(Math.exp(tokens.get(4).top().get(1).logprob())).isCloseTo(0.073765, within(1e-5));
        assertThat(Math.exp(tokens.get(9).top().get(4).logprob())).isCloseTo(0.012302, within(1e-5));
        assertThat(tokens).allSatisfy(t -> assertThat(t.top()).hasSize(5));
    }

    @Test
    void promptLogprobsEqualTheProbabilitiesGenerationGaveAtTheSamePositions() {
        CompletionResult generated = TestModels.run(provider, TestModels.text(TestModels.ONCE).withMaxTokens(10)
                .withLogprobs(3));
        String whole = TestModels.ONCE + generated.first().text();

        CompletionResult scored = TestModels.run(provider, TestModels.text(whole).withMaxTokens(0)
                .withLogprobs(3).withPromptLogprobs(true));

        List<ScoredToken> prompt = scored.promptTokens();
        assertThat(prompt).hasSize(15);
        assertThat(prompt.getFirst().text()).isEqualTo("<s>");
        assertThat(prompt.getFirst().logprob()).isNull();
        assertThat(prompt.get(1).text()).isEqualTo(" Once");
        for (int i = 0; i < 10; i++) {
            ScoredToken fromGeneration = generated.first().tokens().get(i);
            ScoredToken fromPrompt = prompt.get(5 + i);
            assertThat(fromPrompt.text()).isEqualTo(fromGeneration.text());
            // One batch of 15 versus 15 single-token decodes: the same numbers up to float rounding.
            assertThat(fromPrompt.logprob()).isCloseTo(fromGeneration.logprob(), within(1e-5));
            assertThat(fromPrompt.top()).hasSize(3);
            assertThat(fromPrompt.top().get(1).logprob()).isCloseTo(fromGeneration.top().get(1).logprob(),
                    within(1e-5));
        }
        assertThat(scored.first().text()).isEmpty();
        assertThat(scored.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(provider.scorePrompt(TestModels.stories().toString(), new RenderedPrompt.Text(whole), 3))
                .isEqualTo(prompt);
    }

    @Test
    void aStopSequenceEndsTheSampleAndIsCutFromTheText() {
        CompletionResult result = TestModels.run(provider, TestModels.text(TestModels.ONCE).withMaxTokens(64)
                .withStop(List.of("She loved", "never")).withLogprobs(0));

        assertThat(result.first().text()).isEqualTo(", there was a little girl named Lily. ");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(result.first().tokens().stream().map(ScoredToken::text).collect(Collectors.joining()))
                .isEqualTo(result.first().text());
    }

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnotherText() {
        CompletionRequest request = TestModels.text(TestModels.ONCE).withMaxTokens(40);

        String first = TestModels.run(provider, request.withSampling(1.0, null, null, null, 42L)).first().text();
        String again = TestModels.run(provider, request.withSampling(1.0, null, null, null, 42L)).first().text();
        String other = TestModels.run(provider, request.withSampling(1.0, null, null, null, 43L)).first().text();
        String truncated = TestModels.run(provider, request.withSampling(0.8, 0.9, 40, 0.05, 42L)).first().text();
        String truncatedAgain = TestModels.run(provider, request.withSampling(0.8, 0.9, 40, 0.05, 42L)).first().text();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(truncatedAgain).isEqualTo(truncated);
    }

    @Test
    void severalSamplesAreGeneratedOneAfterAnotherFromTheSamePrompt() {
        CompletionRequest request = TestModels.text(TestModels.ONCE).withMaxTokens(20).withSamples(3);

        CompletionResult sampled = TestModels.run(provider, request.withSampling(1.0, null, null, null, 7L));
        CompletionResult greedy = TestModels.run(provider, request.withSamples(2));

        assertThat(sampled.samples()).hasSize(3)
                .allSatisfy(s -> assertThat(s.finishReason()).isEqualTo(FinishReason.LENGTH));
        assertThat(sampled.samples().stream().map(CompletionResult.Sample::text).distinct()).hasSizeGreaterThan(1);
        assertThat(sampled.usage().completionTokens()).isEqualTo(60);
        assertThat(greedy.samples()).extracting(CompletionResult.Sample::text)
                .containsOnly(TestModels.ONCE_64.substring(0, greedy.first().text().length()));
    }

    @Test
    void generationThatFillsTheContextEndsWithLengthAfterTheWholeReferenceStory() {
        CompletionResult result = TestModels.run(provider, TestModels.text(TestModels.ONCE));

        assertThat(result.failure()).isNull();
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.first().text()).startsWith(TestModels.ONCE_STORY);
        assertThat(result.notices()).containsExactly("the context is full (512 tokens); the answer was cut");
        assertThat(result.usage()).isEqualTo(new dev.rationale.core.provider.Usage(5, 508, null));
    }

    @Test
    void cancellingStopsBetweenTokensAndEndsTheSampleCancelled() {
        AtomicReference<Cancellable> handle = new AtomicReference<>();
        CompletionCollector collector = new CompletionCollector(1);
        List<CompletionEvent> events = new ArrayList<>();
        handle.set(provider.stream(TestModels.text(TestModels.ONCE), event -> {
            synchronized (events) {
                events.add(event);
            }
            collector.onEvent(event);
            if (event instanceof CompletionEvent.TextDelta && handle.get() != null) {
                handle.get().cancel();
            }
        }));
        CompletionResult result = TestModels.await(collector);

        assertThat(result.failure()).isNull();
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(result.first().text().length()).isLessThan(TestModels.ONCE_STORY.length());
        assertThat(events.getLast()).isInstanceOf(CompletionEvent.Completed.class);
    }

    @Test
    void severalThreadsGeneratingAtOnceAllGetTheReferenceText() {
        List<String> prompts = List.of(TestModels.ONCE, "Lily had a", "The dog");
        List<String> references = List.of(TestModels.ONCE_64, TestModels.LILY_64, TestModels.DOG_64);

        // Nine streams started at once: four provider threads, each with its own context on the one shared model.
        List<CompletionCollector> runs = IntStream.range(0, 9).mapToObj(i -> {
            CompletionCollector collector = new CompletionCollector(1);
            provider.stream(TestModels.text(prompts.get(i % 3)).withMaxTokens(64).withLogprobs(2), collector);
            return collector;
        }).toList();

        for (int i = 0; i < runs.size(); i++) {
            assertThat(TestModels.await(runs.get(i)).first().text()).isEqualTo(references.get(i % 3));
        }
    }

    @Test
    void aMissingModelFailsTheStreamWithTheFileNamed() {
        CompletionResult result = TestModels.run(provider, CompletionRequest.of("no-such-model.gguf",
                new RenderedPrompt.Text("The dog")));

        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.ENGINE);
        assertThat(result.failure().getMessage()).isEqualTo("the model file "
                + TestModels.folder().resolve("no-such-model.gguf") + " does not exist");
    }

    @Test
    void aPromptLongerThanTheContextFailsWithAClearError() {
        String longPrompt = "Once upon a time, there was a little girl named Lily. ".repeat(60);

        CompletionResult result = TestModels.run(provider, TestModels.text(longPrompt).withMaxTokens(5));

        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.ENGINE);
        assertThat(result.failure().getMessage()).startsWith("the context is full (512 tokens)");
    }

    @Test
    void invalidSamplingSettingsFailTheStreamAsAnInvalidRequest() {
        CompletionResult result = TestModels.run(provider, TestModels.text("The dog")
                .withSampling(-1.0, null, null, null, null));

        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(result.failure().getMessage()).contains("temperature");
    }

    @Test
    void aChatPromptToAModelWithoutTemplateIsRefusedWithTheFix() {
        RenderedPrompt chat = new RenderedPrompt.Chat(List.of(ChatMessage.system("Tell a story."),
                ChatMessage.user("About a dog.")));
        CompletionRequest request = CompletionRequest.of(TestModels.stories().toString(), chat).withMaxTokens(8);

        CompletionResult result = TestModels.run(provider, request);

        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        assertThat(result.failure().getMessage()).contains("stories260K.gguf has no chat template")
                .contains("send it raw text");
        assertThat(provider.intake(TestModels.stories().toString()).template())
                .isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void theProviderDescribesItselfAndListsTheGgufFilesOfItsFolder() {
        List<ModelInfo> models = provider.listModels();

        assertThat(provider.kind()).isEqualTo(ProviderKind.EMBEDDED);
        assertThat(provider.capabilities().maxTopLogprobs()).isEqualTo(EmbeddedProvider.MAX_TOP_LOGPROBS);
        assertThat(provider.capabilities().branching()).isTrue();
        assertThat(models).extracting(ModelInfo::id).contains("stories260K.gguf");
        try (EmbeddedProvider elsewhere = new EmbeddedProvider(TestModels.folder().resolve("absent"))) {
            assertThatThrownBy(elsewhere::listModels).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void aListedModelIsSizedByItsNameUntilLoadedAndThenByItsCountedWeights() {
        try (EmbeddedProvider fresh = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder())
                .withThreads(1))) {
            assertThat(stories(fresh.listModels())).isEqualTo(new ModelSize(260_000, ModelSize.Source.NAME));

            assertThat(TestModels.run(fresh, TestModels.text("The dog").withMaxTokens(1)).failure()).isNull();

            // The models README gives 260,032 parameters: 64-wide embeddings of 512 tokens, five layers.
            assertThat(stories(fresh.listModels())).isEqualTo(ModelSize.measured(260_032L));
        }
    }

    private static ModelSize stories(List<ModelInfo> models) {
        return models.stream().filter(m -> m.id().equals("stories260K.gguf")).findFirst().orElseThrow().size();
    }

    private static String expected(String constant) {
        return switch (constant) {
            case "ONCE_64" -> TestModels.ONCE_64;
            case "LILY_64" -> TestModels.LILY_64;
            default -> TestModels.DOG_64;
        };
    }
}
