// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.RationaleVersion;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code rationale} command; its subcommands do the work. */
@Command(
        name = "rationale",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "Design, render and evaluate few-shot and chain-of-thought prompt sets.",
        subcommands = {ValidateCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class RationaleCommand implements Runnable {
    /** The file or the prompts in it are wrong: the user can fix the input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Something failed that the user's input does not explain. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    /**
     * A configured command line writing to the given streams. Output is UTF-8 whatever the platform's default,
     * because prompts are full of non-ASCII text and a terminal in the C locale would otherwise print '?'.
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new RationaleCommand());
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            boolean badInput = e instanceof RationaleException;
            // A user's mistake gets its message; anything else is ours, and its type helps the bug report.
            failed.getErr().println("rationale: " + (badInput ? e.getMessage() : e));
            failed.getErr().flush();
            return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
        });
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing a command, e.g. 'rationale render FILE'.");
    }

    /** Prints the version the build stamped into core. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rationale " + RationaleVersion.current(), "Java " + Runtime.version()};
        }
    }
}
