// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale render}: prints the prompt a variant sends for one case, exactly as it would be sent. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Print the prompt a variant sends for one test case, exactly as it would be sent.",
            "A text prompt is printed as is, followed by one newline; chat messages each under a '=== role ===' line."
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

    @Override
    public Integer call() throws JsonProcessingException {
        PromptSet set = PromptSetFiles.load(file);
        Task task = taskId == null ? set.tasks().getFirst() : set.task(taskId).orElseThrow(
                () -> new RenderException("no task \"" + taskId + "\" in " + file.getFileName()
                        + " (tasks: " + ids(set.tasks().stream().map(Task::id).toList()) + ")"));
        Variant variant = variantId == null ? task.variants().getFirst() : task.variant(variantId).orElseThrow(
                () -> new RenderException("no variant \"" + variantId + "\" in task \"" + task.id()
                        + "\" (variants: " + ids(task.variants().stream().map(Variant::id).toList()) + ")"));
        RenderedPrompt prompt = render(task, variant);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(prompt));
        } else {
            print(prompt, out);
        }
        out.flush();
        return 0;
    }

    private RenderedPrompt render(Task task, Variant variant) {
        if (caseRef == null && !inputs.isEmpty()) {
            return PromptRenderer.render(task, variant, inputs, "--input");
        }
        TestCase chosen = CaseReference.resolve(task, caseRef == null ? "1" : caseRef);
        if (inputs.isEmpty()) {
            return PromptRenderer.render(task, variant, chosen);
        }
        Map<String, String> merged = new LinkedHashMap<>(chosen.inputs());
        merged.putAll(inputs);
        return PromptRenderer.render(task, variant, chosen.withInputs(merged));
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
