// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.cost.EstimateText;
import dev.rationale.core.cost.EvalEstimate;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.embedded.TestModels;
import dev.rationale.core.provider.http.HttpClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The estimate before an evaluation: the real tokenizer of the embedded engine, and the labelled estimate. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CostEstimatorTest {
    private static final String MODEL = "stories260K.gguf";
    private static EmbeddedProvider embedded;

    @BeforeAll
    static void load() {
        embedded = TestModels.oneThread();
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Test
    void theEmbeddedEngineCountsEveryPromptWithTheModelsOwnTokenizer() {
        Endpoint local = new Endpoint("local", ProviderKind.EMBEDDED, TestModels.folder().toString(), MODEL, null);
        Variant direct = EvalFixtures.direct().withSettings(new GenerationSettings(0.0, null, 16, null, null, null));
        Task task = EvalFixtures.sums(3, direct);
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(local, MODEL)), task.cases(), null);

        EvalEstimate estimate = new CostEstimator(PriceTable.shipped(), e -> embedded).estimate(plan, false);

        // The same prompts as the batch export sends, counted apart by the engine's tokenizer.
        Tokenizer tokenizer = embedded.tokenizer().orElseThrow();
        long expected = new OfflineEvaluation(plan).requests(embedded.intake(MODEL), false).stream()
                .mapToLong(p -> tokenizer.tokenize(MODEL, p.request().prompt()).size()).sum();
        EvalEstimate.Line line = estimate.lines().getFirst();
        assertThat(line.promptExact()).isTrue();
        assertThat(line.promptTokens()).isEqualTo(expected).isPositive();
        assertThat(line.requests()).isEqualTo(3);
        assertThat(line.outputTokens()).as("16 max tokens for each of 3 completions").isEqualTo(48);
        assertThat(line.outputAssumed()).isFalse();
        assertThat(line.cost()).isZero();
        assertThat(EstimateText.lines(estimate).get(1)).contains("(tokenizer)").contains("(max tokens)")
                .endsWith("$0");
    }

    @Test
    void pastTheCountedPromptsTheRestAreScaledByLengthFromTheCountedOnes() {
        Endpoint local = new Endpoint("local", ProviderKind.EMBEDDED, TestModels.folder().toString(), MODEL, null);
        int cases = CostEstimator.COUNTED_PROMPTS + 44;
        Task task = EvalFixtures.sums(cases, EvalFixtures.direct());
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(local, MODEL)), task.cases(), null);

        EvalEstimate.Line line = new CostEstimator(PriceTable.shipped(), e -> embedded).estimate(plan, false)
                .lines().getFirst();

        Tokenizer tokenizer = embedded.tokenizer().orElseThrow();
        long exact = new OfflineEvaluation(plan).requests(embedded.intake(MODEL), false).stream()
                .mapToLong(p -> tokenizer.tokenize(MODEL, p.request().prompt()).size()).sum();
        assertThat(line.prompts()).isEqualTo(cases);
        assertThat(line.promptsCounted()).isEqualTo(CostEstimator.COUNTED_PROMPTS);
        // The 44 scaled prompts are as long as the counted ones, give or take a digit: close, not exact.
        assertThat((double) line.promptTokens()).isCloseTo(exact, within(exact * 0.02));
        assertThat(EstimateText.lines(new EvalEstimate(List.of(line), false, "2026-12-07")).get(1))
                .contains("tokenizer on 256 of 300 prompts, the rest scaled by their length");
    }

    @Test
    void aHostedModelGetsALabelledEstimateOfFourCharactersATokenAndAnAssumedOutput() {
        Endpoint hosted = new Endpoint("hosted", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", "gpt-4o",
                KeyReference.NONE);
        CompletionProvider openAi = new ProviderFactory(HttpClients.create(),
                new KeyResolver(noKeychain(), Map.<String, String>of()::get)).create(hosted);
        Variant voting = EvalFixtures.voting(2);
        Task task = EvalFixtures.sums(4, voting);
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(hosted, "gpt-4o")), task.cases(), null);
        CostEstimator estimator = new CostEstimator(PriceTable.shipped(), e -> openAi);

        EvalEstimate live = estimator.estimate(plan, false);
        EvalEstimate batch = estimator.estimate(plan, true);

        // Case i sends one user message "Q: What is i + 3?" (17 characters): 5 tokens at 4 characters a token.
        EvalEstimate.Line line = live.lines().getFirst();
        assertThat(line.promptExact()).isFalse();
        assertThat(line.requests()).as("both samples in one request (n = 2)").isEqualTo(4);
        assertThat(line.completions()).isEqualTo(8);
        assertThat(line.promptTokens()).isEqualTo(4 * 5);
        assertThat(line.outputAssumed()).isTrue();
        assertThat(line.outputTokens()).isEqualTo(8L * EvalEstimate.ASSUMED_OUTPUT_TOKENS);
        // 20 x $2.50 + 4,096 x $10 per million.
        assertThat(live.cost()).isCloseTo((20 * 2.50 + 4096 * 10.0) / 1e6, within(1e-12));
        // A batch sends each completion alone (its prompt twice per case) at half the price.
        assertThat(batch.requests()).isEqualTo(8);
        assertThat(batch.promptTokens()).isEqualTo(8 * 5);
        assertThat(batch.cost()).isCloseTo((40 * 2.50 + 4096 * 10.0) / 1e6 / 2, within(1e-12));
        assertThat(EstimateText.lines(live).get(1)).contains("estimated, 4 characters a token")
                .contains("assumed 512 a completion");
        assertThat(EstimateText.total(batch)).contains("at the batch price").contains("prices checked");
    }

    @Test
    void aModelWithoutAPriceIsNamedAndLeftOutOfTheCost() {
        Endpoint lab = new Endpoint("lab", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", "Qwen/Qwen3-8B", null);
        CompletionProvider openAi = new ProviderFactory(HttpClients.create(),
                new KeyResolver(noKeychain(), Map.<String, String>of()::get)).create(lab);
        Task task = EvalFixtures.sums(2, EvalFixtures.direct());
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(lab, "Qwen/Qwen3-8B")), task.cases(), null);

        EvalEstimate estimate = new CostEstimator(PriceTable.shipped(), e -> openAi).estimate(plan, false);

        assertThat(estimate.unpriced()).containsExactly("lab/Qwen/Qwen3-8B");
        assertThat(estimate.cost()).isZero();
        assertThat(estimate.needsConfirmation(0)).isFalse();
        assertThat(EstimateText.total(estimate)).contains("no price for lab/Qwen/Qwen3-8B");
    }

    private static SecretStore noKeychain() {
        return new SecretStore() {
            @Override
            public Optional<String> read(String entry) {
                return Optional.empty();
            }

            @Override
            public void write(String entry, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean writable() {
                return false;
            }
        };
    }
}
