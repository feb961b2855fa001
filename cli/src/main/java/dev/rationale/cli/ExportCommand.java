// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.exchange.ExportFormat;
import dev.rationale.core.exchange.ExportSelection;
import dev.rationale.core.exchange.Exported;
import dev.rationale.core.exchange.PromptSetExporter;
import dev.rationale.core.exchange.ProviderTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
            "What the format cannot carry is printed on standard error; no key is ever written."
        })
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The prompt set.")
    private Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "json, yaml, promptfoo or markdown.")
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
            description = "promptfoo: the model for --endpoint or --base-url (default: the endpoint's).")
    private @Nullable String model;

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.parse(format).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "unknown format \"" + format + "\" (one of: " + Arrays.stream(
                        ExportFormat.values()).map(ExportFormat::id).collect(Collectors.joining(", ")) + ")"));
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
