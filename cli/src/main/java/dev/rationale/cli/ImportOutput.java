// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Writes an imported prompt set and reports what the import did; shared by the import subcommands. */
final class ImportOutput {
    private ImportOutput() {
    }

    /** Refuses to overwrite a file the user did not name as the set being updated, unless forced. */
    static void checkWritable(CommandSpec spec, Path out, boolean force) {
        if (!force && Files.exists(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    out + " already exists; pass --force to replace it.");
        }
    }

    static void save(ImportResult result, Path out, PrintWriter writer) {
        PromptSetFiles.save(result.promptSet(), out);
        writer.println(out + ": " + count(result.cases(), "test case") + " imported into task \""
                + result.taskId() + "\"" + (result.exemplars() > 0
                        ? ", " + count(result.exemplars(), "example") + " kept as exemplars" : ""));
        if (!result.ignoredColumns().isEmpty()) {
            writer.println("not used by the task: " + String.join(", ", result.ignoredColumns()));
        }
        if (result.severalAnswers() > 0) {
            writer.println(count(result.severalAnswers(), "case") + " accept several answers; the set's expected"
                    + " answer is the first of each (tied top-scored choices stay correct for likelihood), the dataset"
                    + " file keeps all");
        }
        writer.flush();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
