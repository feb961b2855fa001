// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ContinuationScore;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedBranchingTest {
    private static EmbeddedProvider provider;

    @BeforeAll
    static void start() {
        provider = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder()).withThreads(1));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void theIdsListenerGivesThePromptAndEveryGeneratedTokenWithItsAlternatives() {
        Recorder ids = new Recorder();
        CompletionResult result = TestModels.run(provider, TestModels.text(TestModels.ONCE).withMaxTokens(10)
                .withLogprobs(5), ids);

        assertThat(ids.prompt).containsExactly(1, 403, 407, 261, 378);
        assertThat(ids.generated()).containsExactly(432, 383, 286, 261, 376, 298, 315, 421, 395, 317);
        assertThat(ids.tokens.get(4).alternatives()).containsExactly(376, 370, 268, 280, 298);
        assertThat(result.first().tokens()).hasSize(ids.tokens.size());
    }

    @Test
    void aBranchEqualsGreedyGenerationFromThePromptThePrefixAndTheChosenToken() {
        CompletionRequest request = TestModels.text(TestModels.ONCE).withMaxTokens(30).withLogprobs(5);
        Recorder original = new Recorder();
        TestModels.run(provider, request, original);
        int big = original.tokens.get(4).alternatives().get(1);

        CompletionResult branched = branch(request.withMaxTokens(20), new Branch(original.generated(), 4, big));
        String branchedPrompt = TestModels.ONCE + ", there was a big";
        CompletionResult reference = TestModels.run(provider, TestModels.text(branchedPrompt).withMaxTokens(19));

        assertThat(provider.tokenize(TestModels.stories().toString(), new RenderedPrompt.Text(branchedPrompt)))
                .containsExactly(1, 403, 407, 261, 378, 432, 383, 286, 261, 370);
        assertThat(branched.failure()).isNull();
        assertThat(branched.first().text()).isEqualTo(" big" + reference.first().text());
        ScoredToken chosen = branched.first().tokens().getFirst();
        assertThat(chosen.text()).isEqualTo(" big");
        assertThat(chosen.probability()).isCloseTo(0.073765, within(1e-5));
        assertThat(branched.first().tokens()).hasSize(20);
        assertThat(branched.first().finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void branchingAtTheFirstTokenReplacesTheWholeAnswer() {
        CompletionRequest request = TestModels.text(TestModels.ONCE).withMaxTokens(12);

        CompletionResult branched = branch(request, new Branch(List.of(), 0, 383));
        CompletionResult reference = TestModels.run(provider, TestModels.text(TestModels.ONCE + " there")
                .withMaxTokens(11));

        assertThat(branched.first().text()).isEqualTo(" there" + reference.first().text());
    }

    @Test
    void aBranchToATokenOutsideTheVocabularyFailsAsAnInvalidRequestWithoutCrashing() {
        CompletionResult result = branch(TestModels.text(TestModels.ONCE).withMaxTokens(5),
                new Branch(List.of(432, 383), 1, 4096));

        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(result.failure().getMessage()).contains("token id 4096 is outside the vocabulary");
        assertThat(TestModels.run(provider, TestModels.text("The dog").withMaxTokens(64)).first().text())
                .isEqualTo(TestModels.DOG_64);
    }

    @Test
    void continuationsAreScoredByTheirLogLikelihoodGivenThePrompt() {
        List<ContinuationScore> scores = provider.scoreContinuations(TestModels.stories().toString(),
                new RenderedPrompt.Text(TestModels.ONCE + ", there was a little girl named"),
                List.of(" Lily", " Tim", " Lily. She loved"));

        ContinuationScore lily = scores.get(0);
        assertThat(lily.tokenIds()).containsExactly(317);
        assertThat(Math.exp(lily.logprob())).isCloseTo(0.926261, within(1e-5));
        assertThat(lily.greedy()).isTrue();
        assertThat(scores.get(1).logprob()).isLessThan(lily.logprob());
        assertThat(scores.get(1).greedy()).isFalse();
        ContinuationScore longer = scores.get(2);
        assertThat(longer.tokenIds()).hasSizeGreaterThan(1).startsWith(317);
        assertThat(longer.logprob()).isCloseTo(longer.tokenLogprobs().stream().mapToDouble(d -> d).sum(),
                within(1e-12));
        assertThat(longer.meanLogprob()).isEqualTo(longer.logprob() / longer.tokenIds().size());
        assertThat(longer.logprobPerByte()).isEqualTo(longer.logprob() / " Lily. She loved".length());
    }

    @Test
    void continuationScoresAgreeWithTheProbabilitiesOfGeneration() {
        CompletionResult generated = TestModels.run(provider, TestModels.text(TestModels.ONCE).withMaxTokens(10)
                .withLogprobs(0));

        ContinuationScore score = provider.scoreContinuations(TestModels.stories().toString(),
                new RenderedPrompt.Text(TestModels.ONCE), List.of(generated.first().text())).getFirst();

        assertThat(score.greedy()).isTrue();
        assertThat(score.tokenLogprobs()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(score.tokenLogprobs().get(i)).isCloseTo(generated.first().tokens().get(i).logprob(),
                    within(1e-5));
        }
    }

    private static CompletionResult branch(CompletionRequest request, Branch branch) {
        CompletionCollector collector = new CompletionCollector(request.samples());
        provider.branch(request, branch, collector);
        return TestModels.await(collector);
    }

    /** Keeps the ids a completion reports. */
    private static final class Recorder implements TokenIdListener {
        final List<Integer> prompt = new ArrayList<>();
        final List<TokenIds> tokens = new ArrayList<>();

        @Override
        public void onPrompt(List<Integer> ids) {
            prompt.addAll(ids);
        }

        @Override
        public void onTokens(int sample, List<TokenIds> batch) {
            tokens.addAll(batch);
        }

        List<Integer> generated() {
            return tokens.stream().map(TokenIds::id).toList();
        }
    }
}
