// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointPools;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Where judges come from for one run: the endpoint a judge spec names among the user's endpoints (or one the user
 * put in its place, e.g. {@code rationale eval --judge-endpoint}), else the endpoint and model being evaluated. Each
 * judge endpoint gets its own slots, as many as its concurrency limit, shared by every judge call to it in the
 * run. Thread-safe.
 */
public final class Judges {
    private final Function<Endpoint, CompletionProvider> providers;
    private final Supplier<List<Endpoint>> endpoints;
    private volatile @Nullable List<Endpoint> loaded;
    private final ToIntBiFunction<CompletionProvider, Endpoint> limits;
    private final @Nullable String endpointOverride;
    private final @Nullable String modelOverride;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    /**
     * @param providers the run's providers, e.g. {@code ProviderCache::get}: the one HTTP client, the endpoint's
     *     protocol
     * @param endpoints the user's endpoints, where a judge's endpoint is found by name; read once, when first
     *     needed, on the thread that needs them
     * @param limits the concurrency limit of a judge endpoint, e.g. {@code ConcurrencyLimits.limitFor(p, e, null)}
     * @param endpointOverride the judge endpoint to use whatever the prompt set says; null keeps the prompt set's
     * @param modelOverride the judge model to use whatever the prompt set says; null keeps the prompt set's
     */
    public Judges(Function<Endpoint, CompletionProvider> providers, Supplier<List<Endpoint>> endpoints,
            ToIntBiFunction<CompletionProvider, Endpoint> limits, @Nullable String endpointOverride,
            @Nullable String modelOverride) {
        this.providers = providers;
        this.endpoints = endpoints;
        this.limits = limits;
        this.endpointOverride = endpointOverride;
        this.modelOverride = modelOverride;
    }

    /** The grader of a {@link CompareRule#JUDGE} format. */
    public Grader grader(AnswerFormat format) {
        return new JudgeGrader(format.effectiveJudge(), format.effectiveThreshold(), this);
    }

    /**
     * Refuses, before a run, a judge endpoint that is not among the user's endpoints.
     *
     * @throws RationaleException naming the missing endpoint, in one line
     */
    public void check(AnswerFormat format) {
        if (format.effectiveCompare() == CompareRule.JUDGE || endpointOverride != null) {
            String name = endpointName(format.effectiveJudge());
            if (name != null) {
                named(name);
            }
        }
    }

    /** The name of the endpoint that judges for {@code spec}; null for the endpoint being evaluated. */
    public @Nullable String endpointName(JudgeSpec spec) {
        return endpointOverride != null ? endpointOverride : spec.endpoint();
    }

    /**
     * The judge for an answer from {@code asked} (the endpoint evaluated, null when not known) and {@code askedModel}.
     *
     * @throws RationaleException when there is no endpoint or no model to judge with, saying which
     */
    public JudgeCall call(JudgeSpec spec, @Nullable Endpoint asked, @Nullable String askedModel) {
        String name = endpointName(spec);
        Endpoint endpoint = name != null ? named(name) : asked;
        if (endpoint == null) {
            throw new RationaleException("no endpoint to judge with: name one in the judge's \"endpoint\"");
        }
        String model = modelOverride != null ? modelOverride
                : spec.model() != null ? spec.model()
                : name != null ? ownModel(endpoint) : askedModel;
        if (model == null || model.isBlank()) {
            throw new RationaleException("endpoint \"" + endpoint.name() + "\" names no model to judge with: give the"
                    + " judge's \"model\"");
        }
        CompletionProvider provider = providers.apply(endpoint);
        Semaphore semaphore = slots.computeIfAbsent(endpoint.name(),
                key -> new Semaphore(Math.max(1, limits.applyAsInt(provider, endpoint))));
        return new JudgeCall(provider, model, semaphore);
    }

    // A pool's model is its members' unless it names one.
    private @Nullable String ownModel(Endpoint endpoint) {
        if (endpoint.kind() == ProviderKind.POOL && (endpoint.model() == null || endpoint.model().isBlank())) {
            return EndpointPools.resolve(endpoint, all()).model();
        }
        return endpoint.model();
    }

    private List<Endpoint> all() {
        List<Endpoint> all = loaded;
        if (all == null) {
            all = List.copyOf(endpoints.get());
            loaded = all;
        }
        return all;
    }

    private Endpoint named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new RationaleException("judge endpoint \"" + name
                        + "\" is not among the endpoints (endpoints.json)"));
    }
}
