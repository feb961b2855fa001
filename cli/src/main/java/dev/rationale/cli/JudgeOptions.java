// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.eval.ConcurrencyLimits;
import dev.rationale.core.grading.judge.Judges;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionProvider;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --judge-endpoint NAME [--judge-model MODEL]}: the judge of a command's run, in place of the prompt set's
 * judge spec.
 */
final class JudgeOptions {
    @Option(names = "--judge-endpoint", paramLabel = "NAME", description = "The endpoint (of the endpoints file)"
            + " whose model judges, in place of the prompt set's judge endpoint (default: the prompt set's, else"
            + " the endpoint and model evaluated).")
    @Nullable String endpoint;

    @Option(names = "--judge-model", paramLabel = "MODEL", description = "The judge's model, in place of the prompt"
            + " set's (default: the prompt set's, else the judge endpoint's).")
    @Nullable String model;

    /**
     * The user's endpoints when the judge is named by one (the option or the task's judge spec), else none: a run
     * judged by the endpoint it evaluates need not read the endpoints file.
     */
    List<Endpoint> endpoints(Task task) {
        AnswerFormat format = task.effectiveAnswer();
        boolean named = endpoint != null
                || format.effectiveCompare() == CompareRule.JUDGE && format.effectiveJudge().endpoint() != null;
        return named ? EndpointStore.user().load() : List.of();
    }

    /** The judges of a run, each judge endpoint limited as an evaluated endpoint is by default. */
    Judges judges(Function<Endpoint, CompletionProvider> providers, List<Endpoint> endpoints) {
        return judges(providers, endpoints, endpoint);
    }

    /** As {@link #judges(Function, List)}, with the judge endpoint named {@code endpointName}. */
    Judges judges(Function<Endpoint, CompletionProvider> providers, List<Endpoint> endpoints,
            @Nullable String endpointName) {
        return new Judges(providers, () -> endpoints,
                (provider, judge) -> ConcurrencyLimits.limitFor(provider, judge, null), endpointName, model);
    }
}
