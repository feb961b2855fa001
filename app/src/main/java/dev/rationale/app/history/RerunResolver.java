// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stored evaluation back into what the Evaluate tab needs to run it again: reads its prompt set file (as
 * saved now), finds its task and variants (a k-shot sweep's variants are made again), its endpoint among those set up
 * now, and its dataset. Reads files: call it off the FX thread.
 */
public final class RerunResolver {

    private RerunResolver() {
    }

    /**
     * @param workspace the folder the history belongs to; relative paths in the run are resolved against it
     * @throws CannotRerun with a message for the user when something the run needs is gone
     */
    static RerunRequest resolve(Run run, Path workspace, List<Endpoint> endpoints) {
        if (run.kind() != RunKind.EVALUATION) {
            throw new CannotRerun("only evaluations can be rerun; this run sent one prompt.");
        }
        if (run.promptSetFile() == null || run.task() == null) {
            throw new CannotRerun("the run names no saved prompt set to evaluate.");
        }
        Path setFile = existing(workspace, run.promptSetFile())
                .orElseThrow(() -> new CannotRerun("its prompt set file " + run.promptSetFile() + " is gone "
                        + "(moved, renamed or deleted)."));
        Path dataset = null;
        if (run.scope().datasetFile() != null) {
            dataset = existing(workspace, run.scope().datasetFile())
                    .orElseThrow(() -> new CannotRerun("its dataset file " + run.scope().datasetFile()
                            + " is gone (moved, renamed or deleted)."));
        }
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.task(run.task()).orElseThrow(() -> new CannotRerun("task " + run.task()
                + " is no longer in " + setFile.getFileName() + "."));
        List<Variant> variants = variants(run.variants(), task, setFile);
        Endpoint endpoint = endpoint(run.targets(), endpoints);
        List<String> models = run.targets().stream().map(RunTarget::model).toList();
        return new RerunRequest(run.id(), new EvaluateViewModel.Setup(set, setFile, task, variants, endpoint,
                models.getFirst()), models.subList(1, models.size()), run.scope().samples(), run.scope().caseLimit(),
                dataset);
    }

    /**
     * The file a run stored as {@code stored}, if it still exists: absolute, or relative to the history's workspace,
     * or (a path the CLI kept relative to where it ran) by its name in the workspace. Reads the disk.
     */
    public static Optional<Path> existing(Path workspace, String stored) {
        Path file = Path.of(stored);
        Path resolved = file.isAbsolute() ? file : workspace.resolve(file);
        if (Files.isRegularFile(resolved)) {
            return Optional.of(resolved);
        }
        // A path the command line kept relative to where it ran: the file may still sit in the workspace itself.
        Path name = file.getFileName();
        return name != null && !file.isAbsolute() && Files.isRegularFile(workspace.resolve(name))
                ? Optional.of(workspace.resolve(name)) : Optional.empty();
    }

    private static List<Variant> variants(List<String> ids, Task task, Path setFile) {
        List<Variant> sweep = task.variants().isEmpty() ? List.of()
                : EvaluateViewModel.sweep(task, task.variants().getFirst());
        List<Variant> variants = new ArrayList<>();
        for (String id : ids) {
            Variant variant = task.variant(id).or(() -> sweep.stream().filter(v -> id.equals(v.id())).findFirst())
                    .orElseThrow(() -> new CannotRerun("variant " + id + " is no longer in task " + task.id()
                            + " of " + setFile.getFileName() + "."));
            variants.add(variant);
        }
        if (variants.isEmpty()) {
            throw new CannotRerun("the run names no variant.");
        }
        return variants;
    }

    private static Endpoint endpoint(List<RunTarget> targets, List<Endpoint> endpoints) {
        if (targets.isEmpty()) {
            throw new CannotRerun("the run names no model.");
        }
        String name = targets.getFirst().endpoint();
        if (targets.stream().anyMatch(t -> !t.endpoint().equals(name))) {
            throw new CannotRerun("it ran on several endpoints; the Evaluate tab runs models of one endpoint.");
        }
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new CannotRerun("its endpoint " + name + " is no longer set up "
                        + "(Run > Endpoints… adds it)."));
    }

    /** Why a run cannot be run again, worded for the user. */
    static final class CannotRerun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotRerun(String message) {
            super(message);
        }
    }
}
