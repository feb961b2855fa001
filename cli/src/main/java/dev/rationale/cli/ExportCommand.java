// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.exchange.OpenAiBatchExport;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.openai.OpenAiOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale export}: writes a prompt set in a format another tool runs. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Export a prompt set's task for another tool.",
            "openai-batch: an OpenAI Batch API input file, one /v1/chat/completions request per variant x case x"
                    + " sample, rendered and set up as 'rationale eval' sends them; read the output back with"
                    + " 'rationale import openai-batch'. No key or URL is written."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The prompt set (.rationale.json or .yaml).")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "openai-batch.")
    private String format;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "The file to write.")
    private Path out;

    @Option(names = "--task", paramLabel = "ID", description = "The task (default: the first).")
    private @Nullable String taskId;

    @Option(names = "--variant", paramLabel = "ID",
            description = "A variant to export; repeat for more (default: all).")
    private List<String> variantIds = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL",
            description = "openai-batch: the model the requests name (default: the set's first target's).")
    private @Nullable String model;

    @Option(names = "--max-tokens-field", paramLabel = "FIELD", defaultValue = "max_completion_tokens",
            description = "openai-batch: max_completion_tokens (OpenAI's current field, the default) or max_tokens"
                    + " (what local servers read).")
    private String maxTokensField;

    @Override
    public Integer call() {
        PromptSet set = PromptSetFiles.load(file);
        Task task = TaskChoice.task(set, taskId, file);
        return switch (format) {
            case "openai-batch" -> openAiBatch(set, task);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown format \"" + format + "\" (one of: openai-batch)");
        };
    }

    private int openAiBatch(PromptSet set, Task task) {
        String chosen = model != null ? model : set.targets().stream().map(ModelTarget::model)
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new RationaleException("give a model with --model (the set names none)"));
        OpenAiBatchExport.Written written;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            written = OpenAiBatchExport.write(set, task, TaskChoice.variants(task, variantIds), chosen, tokenLimit(),
                    writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().println(out + ": " + written.lines() + " requests for " + chosen + " (task \""
                + task.id() + "\")");
        spec.commandLine().getOut().flush();
        written.skipped().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private OpenAiOptions.TokenLimit tokenLimit() {
        return switch (maxTokensField) {
            case "max_completion_tokens" -> OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS;
            case "max_tokens" -> OpenAiOptions.TokenLimit.MAX_TOKENS;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--max-tokens-field must be"
                    + " max_completion_tokens or max_tokens, not \"" + maxTokensField + "\"");
        };
    }
}
