// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where a Python 3 that runs in the machine's sandbox is, found once: {@code RATIONALE_PYTHON} when set, else
 * {@code python3} on the {@code PATH}, else the system's. Version managers put a script on the {@code PATH} that
 * finds the real interpreter through the environment, which a sandboxed run does not have; so each is asked (with
 * this process's environment) for its own path. A sandbox that drops to the user nobody cannot run an interpreter
 * kept in root's home, so each candidate is tried in the sandbox, and the first that runs is used.
 */
public final class PythonInterpreter {
    private static final long ASK_SECONDS = 20;
    private static final List<String> SYSTEM = List.of("/usr/bin/python3", "/usr/local/bin/python3");

    private PythonInterpreter() {
    }

    /** The interpreter's absolute path, or empty when no Python 3 runs in {@link CodeSandbox#shared}. */
    public static Optional<Path> find() {
        return Optional.ofNullable(Found.PATH);
    }

    static @Nullable Path locate(CodeSandbox sandbox) {
        Set<Path> candidates = new LinkedHashSet<>();
        String named = System.getenv("RATIONALE_PYTHON");
        addReal(candidates, named != null && !named.isBlank() ? Path.of(named) : null);
        addReal(candidates, SandboxTools.which("python3"));
        SYSTEM.forEach(p -> addReal(candidates, Path.of(p)));
        for (Path candidate : candidates) {
            if (runsIn(sandbox, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean runsIn(CodeSandbox sandbox, Path python) {
        try {
            SandboxResult result = sandbox.run(Map.of(), List.of(python.toString(), "-I", "-c", "pass"),
                    SandboxLimits.of(Duration.ofSeconds(ASK_SECONDS), 256));
            return result.ending() == SandboxResult.Ending.EXITED && result.exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void addReal(Set<Path> candidates, @Nullable Path launcher) {
        if (launcher == null || !Files.isExecutable(launcher)) {
            return;
        }
        try {
            Process process = new ProcessBuilder(launcher.toString(), "-I", "-c",
                    "import sys; assert sys.version_info >= (3, 8); print(sys.executable)")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(ASK_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return;
            }
            String last = out.lines().reduce((a, b) -> b).orElse("");
            if (process.exitValue() == 0 && !last.isEmpty() && Path.of(last).isAbsolute()) {
                candidates.add(Path.of(last));
            }
        } catch (IOException | RuntimeException e) {
            // Not a working Python: the next candidate is tried.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Found {
        static final @Nullable Path PATH = locate(CodeSandbox.shared());
    }
}
