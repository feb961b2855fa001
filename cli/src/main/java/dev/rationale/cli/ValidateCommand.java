// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.InvalidPromptSetException;
import dev.rationale.core.promptset.LoadedPromptSet;
import dev.rationale.core.promptset.Problem;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale validate}: says whether a file is a usable prompt set, and if not, everything wrong with it. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Check a prompt set. Exit 0 when it is valid (warnings are printed), 2 when it is not;",
            "each problem is printed as FILE:LINE:COLUMN: FIELD: what is wrong."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The prompt set (.rationale.json or .yaml).")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LoadedPromptSet loaded = PromptSetFiles.loadWithWarnings(file);
            printWarnings(loaded.warnings(), err);
            out.println(file + ": valid, " + summary(loaded.promptSet()));
            return 0;
        } catch (InvalidPromptSetException e) {
            for (Problem problem : e.problems()) {
                err.println(problem.format());
            }
            printWarnings(e.warnings(), err);
            err.println(file + ": not a valid prompt set (" + plural(e.problems().size(), "problem") + ")");
            return RationaleCommand.EXIT_BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void printWarnings(List<Problem> warnings, PrintWriter err) {
        for (Problem warning : warnings) {
            err.println(warning.format().replaceFirst(": ", ": warning: "));
        }
    }

    private static String summary(PromptSet set) {
        List<Task> tasks = set.tasks();
        int variants = tasks.stream().mapToInt(t -> t.variants().size()).sum();
        int exemplars = tasks.stream().mapToInt(t -> t.exemplars().size()).sum();
        int cases = tasks.stream().mapToInt(t -> t.cases().size()).sum();
        return plural(tasks.size(), "task") + ", " + plural(variants, "variant") + ", "
                + plural(exemplars, "exemplar") + ", " + plural(cases, "test case");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
