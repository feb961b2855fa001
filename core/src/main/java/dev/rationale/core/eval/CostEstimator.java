// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.cost.EvalEstimate;
import dev.rationale.core.cost.ModelPrice;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TokenCounter;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Works out an {@link EvalEstimate} for a plan without sending it: every prompt is rendered and shaped as the
 * runner would send it, and counted by the model's tokenizer where the backend has one (the embedded engine), else
 * estimated at four characters a token. A backend that answers several samples in one request is counted one
 * prompt per case, as the runner sends it. Blocks (a tokenizer may load its model, a backend may be asked how it
 * takes prompts): call it off the UI thread.
 */
public final class CostEstimator {
    private static final TokenCounter ESTIMATE = TokenCounter.estimate();

    private final PriceTable prices;
    private final Function<Endpoint, CompletionProvider> providers;

    public CostEstimator(PriceTable prices, Function<Endpoint, CompletionProvider> providers) {
        this.prices = prices;
        this.providers = providers;
    }

    /**
     * The estimate for all of {@code plan}.
     *
     * @param batch whether it will go through a provider's batch API (one request a completion, at the batch price)
     * @throws dev.rationale.core.RationaleException when a prompt does not render
     */
    public EvalEstimate estimate(EvalPlan plan, boolean batch) {
        List<EvalEstimate.Line> lines = new ArrayList<>();
        for (EvalTarget target : plan.targets()) {
            lines.add(line(plan, target, batch));
        }
        return new EvalEstimate(lines, batch, prices.checked());
    }

    private EvalEstimate.Line line(EvalPlan plan, EvalTarget target, boolean batch) {
        CompletionProvider provider = providers.apply(target.endpoint());
        boolean together = !batch && provider.capabilities().multipleSamples();
        PromptIntake intake = intake(provider, target.model());
        Counter counter = new Counter(provider.tokenizer(), target.model());
        long requests = 0;
        long completions = 0;
        long promptTokens = 0;
        long outputTokens = 0;
        boolean assumed = false;
        for (Variant variant : plan.variants()) {
            int samples = plan.samplesOf(variant);
            int perCase = together ? 1 : samples;
            List<Integer> sampleIndexes = together ? IntStream.range(0, samples).boxed().toList() : List.of(0);
            for (int c = 0; c < plan.cases().size(); c++) {
                CompletionJob job = new CompletionJob(variant, target, plan.caseId(c), plan.cases().get(c),
                        sampleIndexes, plan.settings(variant, target), !together && samples > 1);
                CompletionRequest request = job.request(plan.task(), intake, false);
                requests += perCase;
                completions += samples;
                promptTokens += (long) counter.count(request.prompt()) * perCase;
                Integer max = request.maxTokens();
                assumed |= max == null;
                outputTokens += (long) samples * (max == null ? EvalEstimate.ASSUMED_OUTPUT_TOKENS : max);
            }
        }
        Optional<ModelPrice> price = prices.find(target.endpoint().name(), target.endpoint().kind(), target.model());
        // An estimate knows no cache hits: every prompt token is priced as fresh input.
        TokenTotals tokens = new TokenTotals(promptTokens, 0, outputTokens, 0);
        Double cost = price.map(p -> p.cost(tokens, batch)).orElse(null);
        return new EvalEstimate.Line(target.id(), target.endpoint().name(), target.model(), requests, completions,
                promptTokens, counter.exact, outputTokens, assumed, price.orElse(null), cost);
    }

    private static PromptIntake intake(CompletionProvider provider, String model) {
        try {
            return provider.intake(model);
        } catch (ProviderException e) {
            // A backend that cannot be asked now still gets an estimate, of the prompt shaped for chat.
            return PromptIntake.chatOnly(provider.kind().id(), model, false);
        }
    }

    /** Counts with the tokenizer while it works; after it fails once, estimates, and says so. */
    private static final class Counter {
        private @Nullable Tokenizer tokenizer;
        private final String model;
        private boolean exact;

        Counter(Optional<Tokenizer> tokenizer, String model) {
            this.tokenizer = tokenizer.orElse(null);
            this.model = model;
            this.exact = this.tokenizer != null;
        }

        int count(RenderedPrompt prompt) {
            if (tokenizer != null) {
                try {
                    return tokenizer.tokenize(model, prompt).size();
                } catch (RuntimeException e) {
                    tokenizer = null;
                    exact = false;
                }
            }
            return ESTIMATE.count(text(prompt)).tokens();
        }

        private static String text(RenderedPrompt prompt) {
            return switch (prompt) {
                case RenderedPrompt.Text text -> text.prompt();
                case RenderedPrompt.Chat chat -> String.join("\n", chat.messages().stream()
                        .map(m -> m.content()).toList());
            };
        }
    }
}
