// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.exchange.ExportFormat;
import dev.rationale.core.exchange.ExportSelection;
import dev.rationale.core.exchange.Exported;
import dev.rationale.core.exchange.OpenAiBatchExport;
import dev.rationale.core.exchange.PromptSetExporter;
import dev.rationale.core.exchange.ProviderTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale export}: writes a prompt set, or part of it, in another format. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Write a prompt set (or some of its tasks and variants) in another format.",
            "What the format cannot carry is printed on standard error; no key is ever written.",
            "openai-batch: an OpenAI Batch API input file for one task (--task, default the first), one"
                    + " /v1/chat/completions request per variant x case x sample, rendered and set up as"
                    + " 'rationale eval' sends them; read the output back with 'rationale import openai-batch'."
        })
final class ExportCommand implements Callable<Integer> {
    private static final String OPENAI_BATCH = "openai-batch";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The prompt set.")
    private Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "json, yaml, promptfoo, markdown or openai-batch.")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write.")
    private Path out;

    @Option(names = "--task", paramLabel = "ID", description = "Only this task (default: every task).")
    private @Nullable String task;

    @Option(names = "--variant", paramLabel = "ID", description = "Only these variants (repeatable).")
    private List<String> variants = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "promptfoo: run on this endpoint of the endpoints file (default: the set's targets).")
    private @Nullable String endpoint;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "promptfoo: run on this OpenAI-compatible server instead of a named endpoint.")
    private @Nullable String baseUrl;

    @Option(names = "--key-env", paramLabel = "VAR",
            description = "promptfoo: the environment variable holding the --base-url server's key.")
    private @Nullable String keyEnv;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "promptfoo: the model for --endpoint or --base-url (default: the endpoint's);"
                    + " openai-batch: the model the requests name (default: the set's first target's).")
    private @Nullable String model;

    @Option(names = "--max-tokens-field", paramLabel = "FIELD", defaultValue = "max_completion_tokens",
            description = "openai-batch: max_completion_tokens (OpenAI's current field, the default) or max_tokens"
                    + " (what local servers read).")
    private String maxTokensField;

    @Override
    public Integer call() {
        if (OPENAI_BATCH.equals(format)) {
            return openAiBatch(PromptSetFiles.load(file));
        }
        ExportFormat chosen = ExportFormat.parse(format).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "unknown format \"" + format + "\" (one of: " + Arrays.stream(
                        ExportFormat.values()).map(ExportFormat::id).collect(Collectors.joining(", "))
                        + ", " + OPENAI_BATCH + ")"));
        PromptSet set = PromptSetFiles.load(file);
        List<ProviderTarget> targets = chosen == ExportFormat.PROMPTFOO ? targets(set) : List.of();
        Exported exported = PromptSetExporter.export(set, chosen, new ExportSelection(task, variants), targets);
        write(exported.text());
        PrintWriter err = spec.commandLine().getErr();
        for (String note : exported.notMapped()) {
            err.println("not exported: " + note);
        }
        err.flush();
        spec.commandLine().getOut().println(out + ": " + chosen.id());
        return 0;
    }

    // The batch file is for one task and one model, and is written through the OpenAI provider's own request code.
    private int openAiBatch(PromptSet set) {
        Task chosenTask = TaskChoice.task(set, task, file);
        String chosenModel = model != null ? model : set.targets().stream().map(ModelTarget::model)
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new RationaleException("give a model with --model (the set names none)"));
        StringWriter text = new StringWriter();
        OpenAiBatchExport.Written written = OpenAiBatchExport.write(set, chosenTask,
                TaskChoice.variants(chosenTask, variants), chosenModel, tokenLimit(), text);
        write(text.toString());
        PrintWriter err = spec.commandLine().getErr();
        written.skipped().forEach(note -> err.println("not exported: " + note));
        err.flush();
        spec.commandLine().getOut().println(out + ": " + written.lines() + " requests for " + chosenModel
                + " (task \"" + chosenTask.id() + "\")");
        return 0;
    }

    private OpenAiOptions.TokenLimit tokenLimit() {
        return switch (maxTokensField) {
            case "max_completion_tokens" -> OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS;
            case "max_tokens" -> OpenAiOptions.TokenLimit.MAX_TOKENS;
            default -> throw new ParameterException(spec.commandLine(), "--max-tokens-field must be"
                    + " max_completion_tokens or max_tokens, not \"" + maxTokensField + "\"");
        };
    }

    private List<ProviderTarget> targets(PromptSet set) {
        if (endpoint != null || baseUrl != null) {
            Endpoint chosen = endpoint != null ? named(endpoint)
                    : new Endpoint("openai", ProviderKind.OPENAI, baseUrl, null,
                            keyEnv == null ? KeyReference.NONE : KeyReference.environment(keyEnv));
            String name = model != null ? model : chosen.model();
            if (name == null) {
                throw new ParameterException(spec.commandLine(), "--model is needed: the endpoint names no model");
            }
            return List.of(new ProviderTarget(chosen.name() + "/" + name, chosen, name, GenerationSettings.NONE));
        }
        List<ProviderTarget> targets = new ArrayList<>();
        for (ModelTarget target : set.targets()) {
            Endpoint named = named(String.valueOf(target.endpoint()));
            GenerationSettings settings = target.settings() == null ? GenerationSettings.NONE : target.settings();
            targets.add(new ProviderTarget(String.valueOf(target.id()), named, String.valueOf(target.model()),
                    settings));
        }
        return targets;
    }

    private Endpoint named(String name) {
        EndpointStore store = EndpointStore.user();
        return store.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no endpoint \"" + name + "\" in " + store.file()));
    }

    private void write(String text) {
        try {
            AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RationaleException("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
