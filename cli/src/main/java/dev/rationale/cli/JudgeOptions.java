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

/** The judge of a command's run: from the prompt set's judge spec, with {@code --judge-endpoint/--judge-model}. */
final class JudgeOptions {

    private JudgeOptions() {
    }

    /**
     * The user's endpoints when the judge is named by one (the option or the task's judge spec), else none: a run
     * judged by the endpoint it evaluates need not read the endpoints file.
     */
    static List<Endpoint> endpoints(Task task, @Nullable String judgeEndpoint) {
        AnswerFormat format = task.effectiveAnswer();
        boolean named = judgeEndpoint != null
                || format.effectiveCompare() == CompareRule.JUDGE && format.effectiveJudge().endpoint() != null;
        return named ? EndpointStore.user().load() : List.of();
    }

    /** The judges of a run, each judge endpoint limited as an evaluated endpoint is by default. */
    static Judges judges(Function<Endpoint, CompletionProvider> providers, List<Endpoint> endpoints,
            @Nullable String judgeEndpoint, @Nullable String judgeModel) {
        return new Judges(providers, () -> endpoints,
                (provider, endpoint) -> ConcurrencyLimits.limitFor(provider, endpoint, null), judgeEndpoint,
                judgeModel);
    }
}
