// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Prints the embedded engine's generation speed: {@code EmbeddedBench [model.gguf] [tokens] [runs]}. Greedy, with
 * five alternatives per token, as the workbench asks; the first run warms up and is not counted. Run with
 * {@code --enable-native-access=ALL-UNNAMED} and the test classpath.
 */
public final class EmbeddedBench {

    private EmbeddedBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path model = Path.of(args.length > 0 ? args[0] : "../shared/models/stories260K.gguf").toAbsolutePath();
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long start = System.nanoTime();
        try (EmbeddedProvider provider = new EmbeddedProvider(EmbeddedOptions.defaults(model.getParent())
                .withThreads(1).withParallelism(1))) {
            CompletionRequest request = CompletionRequest.of(model.toString(),
                    new RenderedPrompt.Text("Once upon a time")).withMaxTokens(tokens).withLogprobs(5);
            generate(provider, request);
            System.out.printf("library, model and first run: %.0f ms%n", (System.nanoTime() - start) / 1e6);
            for (int run = 1; run <= runs; run++) {
                long began = System.nanoTime();
                int generated = generate(provider, request);
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf("run %d: %d tokens in %.0f ms, %.0f tokens/s%n", run, generated, seconds * 1e3,
                        generated / seconds);
            }
        }
    }

    private static int generate(EmbeddedProvider provider, CompletionRequest request) throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(1);
        provider.stream(request, collector);
        collector.await(Duration.ofMinutes(5));
        CompletionResult result = collector.result();
        if (result.failed()) {
            throw result.failure();
        }
        return result.first().tokens().size();
    }
}
