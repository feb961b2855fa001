// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.exchange.PromptfooImport;
import dev.rationale.core.exchange.PromptfooReader;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale import promptfoo}: a new prompt set from a promptfoo configuration. */
@Command(
        name = "promptfoo",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Make a new prompt set from a promptfoo configuration: prompts become variants,",
            "tests become test cases; what cannot be mapped is printed on standard error."
        })
final class ImportPromptfooCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The promptfoo configuration (YAML or JSON).")
    private Path config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The prompt set to write.")
    private Path out;

    @Option(names = "--task", paramLabel = "ID", defaultValue = "imported",
            description = "The task for prompts not labelled TASK:VARIANT (default: ${DEFAULT-VALUE}).")
    private String task;

    @Option(names = "--force", description = "Replace --out if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        ImportOutput.checkWritable(spec, out, force);
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RationaleException("cannot read " + config + ": " + e.getMessage(), e);
        }
        PromptfooImport imported = PromptfooReader.read(text, config.toString(), task);
        PromptSetFiles.save(imported.promptSet(), out);
        PrintWriter err = spec.commandLine().getErr();
        for (String note : imported.notMapped()) {
            err.println("not imported: " + note);
        }
        err.flush();
        spec.commandLine().getOut().println(out + ": " + imported.promptSet().tasks().size() + " task(s), "
                + imported.promptSet().tasks().stream().mapToInt(t -> t.variants().size()).sum() + " variant(s), "
                + imported.promptSet().tasks().stream().mapToInt(t -> t.cases().size()).sum() + " test case(s)");
        return 0;
    }
}
