// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.dataset.Dataset;
import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.dataset.PromptSetImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale import bigbench}: a new prompt set from a BIG-bench task file. */
@Command(
        name = "bigbench",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Make a new prompt set from a BIG-bench task JSON file: one task in",
            "BIG-bench's prompt layout, its first --shots examples as exemplars, the",
            "rest as test cases (multiple-choice ones with their scored options, so",
            "'rationale eval' scores them by likelihood from the set alone), and 0-shot",
            "and few-shot variants."
        })
final class ImportBigBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TASK.json", description = "The BIG-bench task file.")
    private Path file;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The prompt set to write.")
    private Path out;

    @Option(names = "--task", paramLabel = "ID", description = "The new task's id (default: from the task's name).")
    private @Nullable String taskId;

    @Option(names = "--shots", paramLabel = "N", defaultValue = "3",
            description = "Examples to hold out as exemplars for the few-shot variant (default: ${DEFAULT-VALUE}).")
    private int shots;

    @Option(names = "--force", description = "Replace --out if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        if (shots < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shots must be 0 or more, got " + shots);
        }
        ImportOutput.checkWritable(spec, out, force);
        Dataset dataset = Datasets.read(file, DatasetFormat.BIG_BENCH);
        ImportResult result = PromptSetImport.newSet(dataset, taskId, shots);
        ImportOutput.save(result, out, spec.commandLine().getOut());
        return 0;
    }
}
