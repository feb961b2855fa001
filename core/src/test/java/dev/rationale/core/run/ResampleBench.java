// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.embedded.EmbeddedOptions;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Prints what resampling costs on the embedded engine: {@code ResampleBench [model.gguf] [prefix] [K] [tokens]
 * [runs]}. A greedy answer of {@code prefix} tokens is made once; then K continuations of up to {@code tokens} tokens
 * each are sampled from its end, (a) on an engine that has never seen the prompt, which must decode the prompt and
 * the prefix, and (b) again on the same engine, whose cache holds them: (b) is the continuations alone. The ratio
 * a / b is the price of the prefix; decoding it once per continuation would cost K times it. Medians over the runs;
 * one thread. Run with {@code --enable-native-access=ALL-UNNAMED} and the test classpath.
 */
public final class ResampleBench {

    private ResampleBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path model = Path.of(args.length > 0 ? args[0] : "../shared/models/stories260K.gguf").toAbsolutePath();
        int prefix = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int tokens = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        EmbeddedOptions options = EmbeddedOptions.defaults(model.getParent()).withThreads(1).withParallelism(1);
        CompletionRequest request = CompletionRequest.of(model.toString(), new RenderedPrompt.Text("Once upon a time"))
                .withMaxTokens(prefix + tokens).withLogprobs(0);
        TokenIdRecorder ids = new TokenIdRecorder();
        CompletionResult original;
        try (EmbeddedProvider provider = new EmbeddedProvider(options)) {
            original = collect(provider, request, ids);
        }
        ResamplePoint point = ResamplePoint.atToken(original.first().tokens(), prefix, ids.generated());
        CompletionRequest sampled = request.withSampling(1.0, null, null, null, 17L);
        double[] cold = new double[runs];
        double[] warm = new double[runs];
        long[] decoded = new long[2];
        for (int run = 0; run < runs; run++) {
            try (EmbeddedProvider provider = new EmbeddedProvider(options)) {
                // Loads the model and opens a session on other text, so neither is timed.
                collect(provider, CompletionRequest.of(model.toString(), new RenderedPrompt.Text("The dog"))
                        .withMaxTokens(1), new TokenIdRecorder());
                Resampler resampler = new Resampler(provider, sampled, null, AnswerFormat.DEFAULT,
                        original.first().text());
                long before = provider.decodedTokens();
                cold[run] = time(resampler, point, samples);
                decoded[0] = provider.decodedTokens() - before;
                before = provider.decodedTokens();
                warm[run] = time(resampler, point, samples);
                decoded[1] = provider.decodedTokens() - before;
            }
            System.out.printf("run %d: with the prefix %.1f ms, continuations alone %.1f ms%n", run + 1,
                    cold[run], warm[run]);
        }
        double ratio = median(cold) / median(warm);
        System.out.printf("K = %d continuations of up to %d tokens from a %d-token prefix (prompt: 5 tokens)%n",
                samples, tokens, prefix);
        System.out.printf("tokens decoded: %d with the prefix, %d for the continuations alone%n", decoded[0],
                decoded[1]);
        System.out.printf("median: %.1f ms with the prefix, %.1f ms alone; ratio %.3f (bar: at most 1.2)%n",
                median(cold), median(warm), ratio);
    }

    private static double time(Resampler resampler, ResamplePoint point, int samples) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        ProviderException[] failure = new ProviderException[1];
        long began = System.nanoTime();
        resampler.start(List.of(point), samples, new Resampler.Listener() {
            @Override
            public void progress(int done, int total) {
            }

            @Override
            public void tallied(int index, ResamplePoint at, ResampleTally tally) {
            }

            @Override
            public void ended(@Nullable ProviderException error, boolean cancelled, List<String> notices) {
                failure[0] = error;
                ended.countDown();
            }
        });
        ended.await();
        if (failure[0] != null) {
            throw failure[0];
        }
        return (System.nanoTime() - began) / 1e6;
    }

    private static CompletionResult collect(EmbeddedProvider provider, CompletionRequest request,
            TokenIdRecorder ids) throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(1);
        provider.stream(request, collector, ids);
        collector.await(Duration.ofMinutes(5));
        CompletionResult result = collector.result();
        if (result.failed()) {
            throw result.failure();
        }
        return result;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
