// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import dev.rationale.core.RationaleException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Runs a program as a child process in a scratch folder (deleted after), with an empty environment, standard
 * input closed and the limits of {@link SandboxLimits}: past the wall-clock or output limit the whole process tree
 * is killed. It isolates the run as well as this machine allows, {@link #isolation probed} once: bubblewrap, else
 * unshare, else a plain process with limits. When this process runs as root, runs drop to the user nobody, as
 * root is exempt from the process limit.
 *
 * <p>Safe to share between threads; each {@link #run} blocks until its process tree is gone.
 */
public final class CodeSandbox {
    private static final Duration PROBE_TIME = Duration.ofSeconds(10);
    private static final int PROBE_MEMORY_MB = 64;
    // After the process tree is killed its pipes close at once; this only bounds a reader a stray process holds.
    private static final long DRAIN_MILLIS = 2_000;
    private static final int SETUP_FAILED = 97;

    private final SandboxIsolation isolation;
    private final SandboxTools tools;

    private CodeSandbox(SandboxIsolation isolation, SandboxTools tools) {
        this.isolation = isolation;
        this.tools = tools;
    }

    /** The sandbox of this machine, probed on first use. */
    public static CodeSandbox shared() {
        return Shared.SANDBOX;
    }

    /** The best isolation that runs a program here: each is tried with a program that does nothing. */
    static CodeSandbox probe(SandboxTools tools) {
        for (SandboxIsolation candidate : SandboxIsolation.values()) {
            Optional<CodeSandbox> sandbox = ifWorks(candidate, tools);
            if (sandbox.isPresent()) {
                return sandbox.get();
            }
        }
        return new CodeSandbox(SandboxIsolation.PLAIN, tools);
    }

    /** A sandbox of the given isolation when it runs a program here; for tests that check each kind. */
    static Optional<CodeSandbox> ifWorks(SandboxIsolation isolation, SandboxTools tools) {
        CodeSandbox sandbox = new CodeSandbox(isolation, tools);
        return available(isolation, tools) && works(sandbox) ? Optional.of(sandbox) : Optional.empty();
    }

    /** How runs are isolated here. */
    public SandboxIsolation isolation() {
        return isolation;
    }

    /**
     * Runs {@code program} in a new scratch folder holding {@code files}.
     *
     * @param files file names (no folders) to their UTF-8 text
     * @param program the command, its first word an absolute path (the run has no {@code PATH})
     * @throws RationaleException when the process cannot be started or the scratch folder cannot be made
     * @throws InterruptedException when interrupted while waiting; the process tree is killed first
     */
    public SandboxResult run(Map<String, String> files, List<String> program, SandboxLimits limits)
            throws InterruptedException {
        try (ScratchFolder scratch = ScratchFolder.create(files, tools.dropsToNobody() ? SandboxTools.NOBODY : -1)) {
            return runIn(scratch.path(), program, limits);
        } catch (IOException e) {
            throw new RationaleException("cannot prepare a scratch folder for the code: " + e.getMessage(), e);
        }
    }

    private SandboxResult runIn(Path scratch, List<String> program, SandboxLimits limits)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SandboxCommand.of(isolation, tools, scratch, limits, program))
                .directory(scratch.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // No API key, token or path of the user's may reach the code.
        builder.environment().clear();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RationaleException("cannot start the sandbox (" + isolation.description() + "): "
                    + e.getMessage(), e);
        }
        ProcessTree tree = new ProcessTree(process, isolation == SandboxIsolation.PLAIN ? tools.kill() : null);
        AtomicBoolean overflowed = new AtomicBoolean();
        Runnable overflow = () -> {
            overflowed.set(true);
            // Not Process.destroyForcibly, which closes the other stream too, before its reader has read it.
            process.toHandle().destroyForcibly();
        };
        // Each stream has a budget of its own: the harness reports on standard output, and a program that floods
        // standard error must not crowd out the report of the tests that ran before.
        OutputDrain stdout = new OutputDrain(process.getInputStream(), limits.outputBytes(), overflow);
        OutputDrain stderr = new OutputDrain(process.getErrorStream(), limits.outputBytes(), overflow);
        boolean exited;
        try {
            exited = process.waitFor(limits.wallClock().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            // Whatever the program left running (a child, a fork bomb) goes with it; so does all of it on a cancel.
            tree.kill();
        }
        SandboxResult.Ending ending = overflowed.get() ? SandboxResult.Ending.OUTPUT_LIMIT
                : exited ? SandboxResult.Ending.EXITED : SandboxResult.Ending.TIMED_OUT;
        int code = ending == SandboxResult.Ending.EXITED ? process.exitValue() : -1;
        return new SandboxResult(ending, code, stdout.text(DRAIN_MILLIS), stderr.text(DRAIN_MILLIS), scratch);
    }

    private static boolean available(SandboxIsolation isolation, SandboxTools tools) {
        boolean limits = tools.prlimit() != null || tools.sh() != null;
        return limits && switch (isolation) {
            case BUBBLEWRAP -> tools.bwrap() != null && tools.env() != null;
            case UNSHARE -> tools.unshare() != null && tools.sh() != null && tools.mount() != null;
            case PLAIN -> true;
        };
    }

    private static boolean works(CodeSandbox sandbox) {
        @Nullable Path nothing = SandboxTools.which("true");
        if (nothing == null) {
            return false;
        }
        try {
            SandboxResult result = sandbox.run(Map.of(), List.of(nothing.toString()),
                    SandboxLimits.of(PROBE_TIME, PROBE_MEMORY_MB));
            return result.ending() == SandboxResult.Ending.EXITED && result.exitCode() == 0;
        } catch (RationaleException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a run's exit code says the sandbox itself could not be set up. */
    static boolean setupFailed(SandboxResult result) {
        return result.ending() == SandboxResult.Ending.EXITED && result.exitCode() == SETUP_FAILED;
    }

    private static final class Shared {
        static final CodeSandbox SANDBOX = probe(Objects.requireNonNull(SandboxTools.find()));
    }
}
