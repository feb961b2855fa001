// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.dataset.Dataset;
import dev.rationale.core.dataset.DatasetFormat;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.ImportMode;
import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.dataset.PromptSetImport;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options and work the {@code csv} and {@code jsonl} import commands share; each subclass only names its
 * format. Without {@code --set} the cases make a new prompt set; with it they go into one of that set's tasks.
 */
abstract class CaseFileImport implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA", description = "The dataset file.")
    private Path file;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The prompt set to write; may be the --set file itself.")
    private Path out;

    @Option(names = "--set", paramLabel = "FILE", description = "An existing prompt set to add the cases to.")
    private @Nullable Path set;

    @Option(names = "--task", paramLabel = "ID",
            description = "With --set: the task that gets the cases (default: the first). Without: the new task's id.")
    private @Nullable String taskId;

    @Option(names = "--replace", description = "With --set: replace the task's cases instead of appending to them.")
    private boolean replace;

    @Option(names = "--map", paramLabel = "COLUMN=VARIABLE",
            description = "With --set: fill the task's input VARIABLE from COLUMN (repeatable).")
    private Map<String, String> columnToVariable = new LinkedHashMap<>();

    @Option(names = "--force", description = "Replace --out if it exists (not needed when --out is the --set file).")
    private boolean force;

    abstract DatasetFormat format();

    @Override
    public Integer call() {
        checkOptions();
        Dataset dataset = Datasets.read(file, format());
        ImportResult result = set == null
                ? PromptSetImport.newSet(dataset, taskId, 0)
                : intoExisting(set, dataset);
        ImportOutput.save(result, out, spec.commandLine().getOut());
        return 0;
    }

    private ImportResult intoExisting(Path setFile, Dataset dataset) {
        PromptSet existing = PromptSetFiles.load(setFile);
        String task = taskId != null ? taskId : String.valueOf(existing.tasks().getFirst().id());
        return PromptSetImport.intoTask(existing, task, dataset, columnToVariable,
                replace ? ImportMode.REPLACE : ImportMode.APPEND);
    }

    private void checkOptions() {
        if (set == null && (replace || !columnToVariable.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (replace ? "--replace" : "--map") + " needs --set: it applies to a task of an existing set.");
        }
        boolean updatesSetInPlace = set != null && set.toAbsolutePath().normalize()
                .equals(out.toAbsolutePath().normalize());
        ImportOutput.checkWritable(spec, out, force || updatesSetInPlace);
    }
}
