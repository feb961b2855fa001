// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.RationaleVersion;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.provider.ProviderException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code rationale} command; its subcommands do the work. */
@Command(
        name = "rationale",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "Design, render and evaluate few-shot and chain-of-thought prompt sets.")
public final class RationaleCommand implements Runnable {
    /** The file or the prompts in it are wrong: the user can fix the input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Something failed that the user's input does not explain. */
    public static final int EXIT_FAILURE = 1;
    /** A model backend failed: unreachable, refused the key, no such model, a broken or cut reply. */
    public static final int EXIT_BACKEND = 3;
    /** Stopped by Ctrl-C: 128 + SIGINT, as shells report it; the run can be resumed. */
    public static final int EXIT_INTERRUPTED = 130;

    @Spec
    private CommandSpec spec;

    // In the order help lists them. Added by hand rather than by @Command(subcommands): see forArguments.
    private static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, RenderCommand.class,
            RunCommand.class, ResampleCommand.class, ModelsCommand.class, EvalCommand.class, ImportCommand.class,
            ExportCommand.class, HistoryCommand.class, ReportCommand.class, CommandLine.HelpCommand.class);

    /** Commands whose first work is reading a prompt set: its reader gets ready while their options are parsed. */
    private static final Set<Class<?>> READ_A_PROMPT_SET = Set.of(EvalCommand.class, RunCommand.class,
            RenderCommand.class, ValidateCommand.class, ExportCommand.class, ResampleCommand.class);

    public static void main(String[] args) {
        CommandLine line = forArguments(System.out, System.err, args);
        if (line.getSubcommands().size() == 1 && READ_A_PROMPT_SET.contains(
                line.getSubcommands().values().iterator().next().getCommand().getClass())) {
            Thread.ofPlatform().daemon().name("prompt-set-reader").start(PromptSetFiles::warmUp);
        }
        int code;
        try {
            code = line.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("rationale: " + outOfMemory());
            code = EXIT_FAILURE;
        }
        System.exit(code);
    }

    /**
     * What to say when the heap ran out. The launchers cap it (96 MB, so that a long run stays small); an input
     * that is read whole, such as a large BIG-bench task or YAML set, can need more, and the user can give it.
     */
    static String outOfMemory() {
        long capMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "out of memory: this command needed more than its heap of " + capMb + " MB. Give it more with"
                + " RATIONALE_JAVA_OPTS=-Xmx1g (or more) in the environment.";
    }

    /**
     * The command line for one invocation: with only the subcommand {@code args} name, when they name one. Picocli
     * reads every option of every command it is given by reflection before parsing, which was a third of the time
     * to a first request; one command's options are a small part of that. Help, a mistyped command (whose error
     * suggests the near ones) and no command at all get every command.
     */
    public static CommandLine forArguments(PrintStream out, PrintStream err, String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command.name().equals(arg) && subcommand != CommandLine.HelpCommand.class) {
                    return configured(new CommandLine(new RationaleCommand()).addSubcommand(subcommand), out, err);
                }
            }
            break;
        }
        return commandLine(out, err);
    }

    /**
     * A configured command line writing to the given streams. Output is UTF-8 whatever the platform's default,
     * because prompts are full of non-ASCII text and a terminal in the C locale would otherwise print '?'.
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new RationaleCommand());
        SUBCOMMANDS.forEach(line::addSubcommand);
        return configured(line, out, err);
    }

    private static CommandLine configured(CommandLine line, PrintStream out, PrintStream err) {
        DEBUG.set(false);
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            PrintWriter sink = failed.getErr();
            int code = exitCode(e);
            // A user's mistake or a backend's answer gets its message; anything else is ours, and its type helps.
            sink.println("rationale: " + (ranOutOfMemory(e) ? outOfMemory() : code == EXIT_FAILURE ? e
                    : e.getMessage()));
            if (DEBUG.get()) {
                e.printStackTrace(sink);
            }
            sink.flush();
            return code;
        });
        return line;
    }

    // Read by the exception handler, which picocli calls outside any command object.
    private static final ThreadLocal<Boolean> DEBUG = ThreadLocal.withInitial(() -> false);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    void setDebug(boolean on) {
        DEBUG.set(on);
    }

    // An evaluation's threads hand their failure on wrapped.
    private static boolean ranOutOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    static int exitCode(Exception e) {
        return switch (e) {
            case ProviderException p when p.kind() == ProviderException.Kind.UNSUPPORTED
                    || p.kind() == ProviderException.Kind.INVALID_REQUEST -> EXIT_BAD_INPUT;
            case ProviderException p -> EXIT_BACKEND;
            case RationaleException r -> EXIT_BAD_INPUT;
            default -> EXIT_FAILURE;
        };
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
