// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rationale import}: groups the commands that turn dataset files into prompt-set test cases. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Import test cases from a dataset file into a new or existing prompt set, or a batch API's output as a"
                    + " run.",
            "A file with any problem imports nothing: exit 2 with FILE:LINE: problem."
        },
        subcommands = {ImportBigBenchCommand.class, ImportCsvCommand.class, ImportJsonlCommand.class,
            ImportOpenAiBatchCommand.class, ImportPromptfooCommand.class})
final class ImportCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a format, e.g. 'rationale import csv DATA.csv --out SET.rationale.json'.");
    }
}
