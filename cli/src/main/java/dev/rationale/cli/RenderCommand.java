// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale render}: prints the prompt a variant sends for one case, exactly as it would be sent. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Print the prompt a variant sends for one test case, exactly as it would be sent.",
            "A text prompt is printed as is, followed by one newline; chat messages each under a '=== role ===' line.",
            "With --provider or --endpoint (and --model), the prompt as that backend and model would be sent it:"
                    + " a note on standard error (and an \"adaptation\" line with --json) says what was adapted."
        })
final class RenderCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The prompt set (.rationale.json or .yaml).")
    private Path file;

    @Option(names = "--task", paramLabel = "ID", description = "The task (default: the first).")
    private @Nullable String taskId;

    @Option(names = "--variant", paramLabel = "ID", description = "The variant (default: the task's first).")
    private @Nullable String variantId;

    @Option(names = "--case", paramLabel = "N|ID",
            description = "The test case, by id or by position counting from 1 (default: 1).")
    private @Nullable String caseRef;

    @Option(names = "--input", paramLabel = "NAME=VALUE",
            description = "An input value: replaces the case's value, or stands alone when --case is not given.")
    private Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--json",
            description = "Print {\"shape\":\"chat\",\"messages\":[...]} or {\"shape\":\"text\",\"prompt\":\"...\"}.")
    private boolean json;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private EndpointOptions.@Nullable Choice backend;

    @Option(names = "--model", paramLabel = "MODEL", description = "With --provider or --endpoint: the model to"
            + " shape the prompt for (for embedded: the GGUF file). Default: the endpoint's.")
    private @Nullable String model;

    @Mixin
    private ChatLayoutOption chatLayout;

    @Override
    public Integer call() throws JsonProcessingException {
        PromptSet set = PromptSetFiles.load(file);
        Task task = taskId == null ? set.tasks().getFirst() : set.task(taskId).orElseThrow(
                () -> new RenderException("no task \"" + taskId + "\" in " + file.getFileName()
                        + " (tasks: " + ids(set.tasks().stream().map(Task::id).toList()) + ")"));
        Variant variant = variantId == null ? task.variants().getFirst() : task.variant(variantId).orElseThrow(
                () -> new RenderException("no variant \"" + variantId + "\" in task \"" + task.id()
                        + "\" (variants: " + ids(task.variants().stream().map(Variant::id).toList()) + ")"));
        RenderedPrompt prompt = shaped(draft(task, variant));
        AdaptationNote.print(prompt, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(prompt));
        } else {
            print(prompt, out);
        }
        out.flush();
        return 0;
    }

    private PromptDraft draft(Task task, Variant variant) {
        if (caseRef == null && !inputs.isEmpty()) {
            return PromptRenderer.draft(task, variant, inputs, "--input");
        }
        TestCase chosen = CaseReference.resolve(task, caseRef == null ? "1" : caseRef);
        if (inputs.isEmpty()) {
            return PromptRenderer.draft(task, variant, chosen);
        }
        Map<String, String> merged = new LinkedHashMap<>(chosen.inputs());
        merged.putAll(inputs);
        return PromptRenderer.draft(task, variant, chosen.withInputs(merged));
    }

    // Without a backend there is nothing to adapt to: the variant as its author wrote it.
    private RenderedPrompt shaped(PromptDraft draft) {
        if (backend == null) {
            if (model != null || chatLayout.given()) {
                throw new ParameterException(spec.commandLine(),
                        "--model and --chat-layout shape the prompt for a backend: give --provider or --endpoint");
            }
            return draft.asWritten();
        }
        Endpoint endpoint = backend.resolve(spec);
        return RunRequests.shaped(EndpointOptions.provider(endpoint), EndpointOptions.model(endpoint, model, spec),
                draft, chatLayout.layout(), null);
    }

    static void print(RenderedPrompt prompt, PrintWriter out) {
        switch (prompt) {
            case RenderedPrompt.Text text -> out.println(text.prompt());
            case RenderedPrompt.Chat chat -> {
                List<ChatMessage> messages = chat.messages();
                for (int i = 0; i < messages.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    out.println("=== " + messages.get(i).role().wireName() + " ===");
                    out.println(messages.get(i).content());
                }
            }
        }
    }

    private static String ids(List<@Nullable String> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
