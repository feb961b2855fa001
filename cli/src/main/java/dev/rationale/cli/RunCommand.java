// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rationale run}: sends one prompt to a model and streams the answer, or prints it all as JSON. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Send one prompt to a model. The answer streams to standard output; reasoning and notes go"
                + " to standard error. With --json: one object with the text, reasoning, scored tokens, usage,"
                + " timings and the prompt as sent.",
            "The prompt is shaped for the backend and model: a text variant goes as chat messages where chat is"
                    + " what they take, a chat variant as raw text to a text-only backend or a base model; a note"
                    + " says what was adapted. --text or --chat insists on one shape."})
final class RunCommand implements Callable<Integer> {
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

    @Option(names = "--echo-logprobs", description = "Also score the prompt's tokens, where the backend can.")
    private boolean echoLogprobs;

    @Option(names = "--json", description = "Print one JSON object at the end instead of streaming.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Endpoint endpoint = endpointOptions.resolve(spec);
        String modelName = EndpointOptions.model(endpoint, generation.model, spec);
        CompletionProvider provider = EndpointOptions.provider(endpoint);
        CompletionRequest request = request(modelName, provider);
        CompletionCollector collector = new CompletionCollector(1);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AdaptationNote.print(request.prompt(), err);
        provider.stream(request, event -> {
            collector.onEvent(event);
            if (!json) {
                echo(event, out, err);
            }
        });
        if (!collector.await(LONGEST_RUN)) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "no answer within " + LONGEST_RUN);
        }
        CompletionResult result = collector.result();
        if (json) {
            out.println(RunJson.of(result, request.prompt(), echoLogprobs));
        } else {
            out.println();
        }
        out.flush();
        if (result.failure() != null) {
            throw result.failure();
        }
        return 0;
    }

    /**
     * The prompt shaped for the backend and model (as forced by --text or --chat, laid out by --chat-layout), with
     * its own settings (a set's defaults and variant), each overridden by the option given for it.
     */
    private CompletionRequest request(String modelName, CompletionProvider provider) {
        return generation.shapedRequest(provider, modelName, prompt.prepare(), thinking, chatLayout.layout(),
                shape == null ? null : shape.forced()).withPromptLogprobs(echoLogprobs);
    }

    // Streaming to a terminal: the answer alone on stdout, so it can be piped; the rest on stderr.
    private static void echo(CompletionEvent event, PrintWriter out, PrintWriter err) {
        switch (event) {
            case CompletionEvent.TextDelta d -> {
                out.print(d.text());
                out.flush();
            }
            case CompletionEvent.ReasoningDelta d -> {
                err.print(d.text());
                err.flush();
            }
            case CompletionEvent.Notice n -> err.println("note: " + n.message());
            default -> {
            }
        }
    }
}
