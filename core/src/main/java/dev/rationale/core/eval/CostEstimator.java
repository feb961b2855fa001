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
 * runner would send it, and counted by the model's tokenizer where the backend has one (the embedded engine, a
 * llama.cpp server), else estimated at four characters a token; past {@link #COUNTED_PROMPTS} a target's prompts
 * are scaled by their length at the tokens per character the counted ones had. A backend that answers several
 * samples in one request is counted one prompt per case, as the runner sends it. Blocks (a tokenizer may load its
 * model or ask its server, a backend may be asked how it takes prompts): call it off the UI thread.
 */
public final class CostEstimator {
    /**
     * Prompts per target the tokenizer counts; the rest are scaled from them by length. A server's tokenizer costs
     * a request per prompt, and a sweep can have a hundred thousand prompts that differ only in their case.
     */
    static final int COUNTED_PROMPTS = 256;
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
                promptTokens += counter.count(request.prompt()) * perCase;
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
                promptTokens, counter.exact, counter.prompts, counter.counted, outputTokens, assumed,
                price.orElse(null), cost);
    }

    private static PromptIntake intake(CompletionProvider provider, String model) {
        try {
            return provider.intake(model);
        } catch (ProviderException e) {
            // A backend that cannot be asked now still gets an estimate, of the prompt shaped for chat.
            return PromptIntake.chatOnly(provider.kind().id(), model, false);
        }
    }

    /**
     * Counts with the tokenizer for the first {@link #COUNTED_PROMPTS} prompts, then scales by length; after the
     * tokenizer fails once, estimates every prompt at four characters a token, and says so.
     */
    private static final class Counter {
        private @Nullable Tokenizer tokenizer;
        private final String model;
        private boolean exact;
        private long prompts;
        private long counted;
        private long countedTokens;
        private long countedCharacters;

        Counter(Optional<Tokenizer> tokenizer, String model) {
            this.tokenizer = tokenizer.orElse(null);
            this.model = model;
            this.exact = this.tokenizer != null;
        }

        long count(RenderedPrompt prompt) {
            prompts++;
            String text = text(prompt);
            if (tokenizer != null && counted < COUNTED_PROMPTS) {
                try {
                    int tokens = tokenizer.tokenize(model, prompt).size();
                    counted++;
                    countedTokens += tokens;
                    countedCharacters += text.length();
                    return tokens;
                } catch (RuntimeException e) {
                    tokenizer = null;
                    exact = false;
                }
            }
            if (exact && countedCharacters > 0) {
                return Math.round((double) text.length() * countedTokens / countedCharacters);
            }
            return ESTIMATE.count(text).tokens();
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
