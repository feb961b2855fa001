// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.analysis.ReasoningSteps;
import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.run.ResamplePoint;
import dev.rationale.core.run.ResampleRoute;
import dev.rationale.core.run.Resampler;
import dev.rationale.core.run.TokenIdRecorder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code rationale resample}: runs a prompt once, then continues its answer K times from a point. */
@Command(
        name = "resample",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Run one prompt, then continue its answer K times from a token or a reasoning step and show"
                + " what the continuations answered: does the answer flip? With --per-step, from the start of every"
                + " step: the share that keeps the original answer per step shows which step decided it.",
            "The embedded engine continues from its cache of the prompt and the kept tokens; raw text backends get"
                    + " the prompt and the text before the point as their prompt; chat backends that continue a"
                    + " begun reply (Anthropic up to Claude 4.5, Ollama, llama.cpp) get it as the reply's start;"
                    + " other chat backends cannot."})
final class ResampleCommand implements Callable<Integer> {
    private static final Duration LONGEST_RUN = Duration.ofHours(2);

    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpointOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PromptOptions prompt;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private @Nullable ShapeChoice shape;

    @Mixin
    private ChatLayoutOption chatLayout;

    @Mixin
    private ThinkingOption thinking;

    @Mixin
    private GenerationOptions generation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    static final class Where {
        @Option(names = "--at-token", paramLabel = "N", description = "Continue from the answer's token N (from 1):"
                + " that token and all after it are written again.")
        @Nullable Integer token;

        @Option(names = "--at-step", paramLabel = "N", description = "Continue from the start of reasoning step N"
                + " (from 1).")
        @Nullable Integer step;

        @Option(names = "--per-step", description = "Continue from the start of every reasoning step.")
        boolean perStep;
    }

    @Option(names = "--samples", paramLabel = "K", defaultValue = "10",
            description = "Continuations per point (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--resample-temperature", paramLabel = "T", description = "The continuations' temperature."
            + " Default: the run's, or 1 when the run is greedy.")
    private @Nullable Double resampleTemperature;

    @Option(names = "--extract", paramLabel = "RULE", description = "How the answer is found, over the task's:"
            + " answer-is, last-number, choice, regex, first-line, whole, code-block.",
            converter = ExtractRuleConverter.class)
    private @Nullable ExtractRule extract;

    @Option(names = "--pattern", paramLabel = "REGEX", description = "The pattern of --extract regex; its first"
            + " group (or the group named answer) is the answer.")
    private @Nullable String pattern;

    @Option(names = "--json", description = "Print one JSON object: the original answer, the points and the"
            + " answers' distribution at each.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (samples < 1) {
            throw new ParameterException(spec.commandLine(), "--samples must be 1 or more");
        }
        Endpoint endpoint = endpointOptions.resolve(spec);
        String modelName = EndpointOptions.model(endpoint, generation.model, spec);
        CompletionProvider provider = EndpointOptions.provider(endpoint);
        PromptOptions.Prepared prepared = prompt.prepare();
        CompletionRequest request = generation.shapedRequest(provider, modelName, prepared, thinking,
                chatLayout.layout(), shape == null ? null : shape.forced());
        if (provider.capabilities().logprobs() && !request.logprobs()) {
            // The tokens are what --at-token counts and what steps are lined up with.
            request = request.withLogprobs(0);
        }
        AnswerFormat format = format(prepared.format());
        PrintWriter err = spec.commandLine().getErr();
        AdaptationNote.print(request.prompt(), err);
        TokenIdRecorder ids = new TokenIdRecorder();
        CompletionResult.Sample original = original(provider, request, ids);
        List<TokenIds> generated = ids.generated().isEmpty() ? null : ids.generated();
        List<ResamplePoint> points = points(original, format, generated);
        Resampler resampler = new Resampler(provider, request, resampleTemperature, format, original.text());
        ResampleRoute route = resampler.route(points.getFirst());
        Collected collected = new Collected(points.size());
        resampler.start(points, samples, collected);
        collected.ended.await();
        if (collected.failure != null) {
            throw collected.failure;
        }
        collected.notices.forEach(notice -> err.println("note: " + notice));
        ResampleReport report = ResampleReport.of(original, format, route, resampler.temperature(), samples,
                collected.tallies, points);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.json());
        } else {
            report.print(out);
        }
        out.flush();
        return 0;
    }

    private AnswerFormat format(AnswerFormat task) {
        if (extract == null && pattern == null) {
            return task;
        }
        ExtractRule rule = extract != null ? extract : ExtractRule.REGEX;
        return new AnswerFormat(rule, pattern != null ? pattern : task.pattern(), task.fallback(), task.choices(),
                task.compare());
    }

    private static CompletionResult.Sample original(CompletionProvider provider, CompletionRequest request,
            TokenIdRecorder ids) throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(1);
        provider.brancher().map(brancher -> brancher.stream(request, collector, ids))
                .orElseGet(() -> provider.stream(request, collector));
        if (!collector.await(LONGEST_RUN)) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "no answer within " + LONGEST_RUN);
        }
        CompletionResult result = collector.result();
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.first();
    }

    private List<ResamplePoint> points(CompletionResult.Sample original, AnswerFormat format,
            @Nullable List<TokenIds> ids) {
        if (where.token != null) {
            int count = original.tokens().size();
            if (count == 0) {
                throw new RationaleException("the backend returned no tokens for the answer, so --at-token cannot"
                        + " point into it; use --at-step");
            }
            if (where.token < 1 || where.token > count) {
                throw new RationaleException("the answer has " + count + " tokens; --at-token " + where.token
                        + " is not one of them (count from 1)");
            }
            return List.of(ResamplePoint.atToken(original.tokens(), where.token - 1, ids));
        }
        List<ResamplePoint> steps = ResamplePoint.stepStarts(ReasoningSteps.of(format).analyze(original),
                original.text(), original.tokens(), ids);
        if (steps.isEmpty()) {
            throw new RationaleException("the answer has no reasoning steps before its answer to continue from; use"
                    + " --at-token");
        }
        if (where.perStep) {
            return steps;
        }
        String label = "step " + where.step;
        return List.of(steps.stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow(
                () -> new RationaleException("the answer has " + steps.size() + " reasoning steps; --at-step "
                        + where.step + " is not one of them (count from 1)")));
    }

    /** Reads a rule by the name prompt-set files use ({@code last-number}, {@code regex}, ...). */
    static final class ExtractRuleConverter implements ITypeConverter<ExtractRule> {
        @Override
        public ExtractRule convert(String value) {
            for (ExtractRule rule : ExtractRule.values()) {
                if (name(rule).equals(value)) {
                    return rule;
                }
            }
            throw new TypeConversionException("\"" + value + "\" is not an extract rule (one of: "
                    + Arrays.stream(ExtractRule.values()).map(ExtractRuleConverter::name)
                            .collect(Collectors.joining(", ")) + ")");
        }

        private static String name(ExtractRule rule) {
            return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Gathers what the resample reports; read once {@link #ended} is open. */
    private static final class Collected implements Resampler.Listener {
        final CountDownLatch ended = new CountDownLatch(1);
        final List<@Nullable ResampleTally> tallies = new ArrayList<>();
        volatile @Nullable ProviderException failure;
        volatile List<String> notices = List.of();

        Collected(int points) {
            for (int i = 0; i < points; i++) {
                tallies.add(null);
            }
        }

        @Override
        public void progress(int done, int total) {
        }

        @Override
        public synchronized void tallied(int index, ResamplePoint point, ResampleTally tally) {
            tallies.set(index, tally);
        }

        @Override
        public void ended(@Nullable ProviderException error, boolean cancelled, List<String> said) {
            failure = error;
            notices = said;
            ended.countDown();
        }
    }
}
