// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each isolation this machine can run, not only the best one that runs the tests: code that never ends and a fork
 * bomb are stopped with their whole process tree, the scratch folder goes, and the code sees no environment.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxIsolationsTest {
    private static final SandboxLimits SHORT = SandboxLimits.of(Duration.ofSeconds(1), 256);
    private static final SandboxTools TOOLS = SandboxTools.find();

    @AfterEach
    void nothingLeft() {
        SandboxedCode.nothingLeftRunning();
    }

    private static PythonTestRun.Outcome run(SandboxIsolation isolation, String tests) throws Exception {
        Optional<CodeSandbox> sandbox = CodeSandbox.ifWorks(isolation, TOOLS);
        assumeTrue(sandbox.isPresent(), isolation.description() + " does not run here");
        PythonTestRun.Outcome outcome = new PythonTestRun(sandbox.get(), SandboxedCode.python())
                .run("import os, time\n", tests, SHORT);
        assertThat(outcome.result().scratch()).doesNotExist();
        return outcome;
    }

    @ParameterizedTest
    @EnumSource(SandboxIsolation.class)
    void aForkBombIsStoppedWithItsTree(SandboxIsolation isolation) throws Exception {
        PythonTestRun.Outcome outcome = run(isolation, "assert not os.environ.get('PATH')\nwhile True:\n"
                + "    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.01)\n");

        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.TIMED_OUT);
        assertThat(outcome.report().passed()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = SandboxIsolation.class, names = "PLAIN", mode = EnumSource.Mode.EXCLUDE)
    void aChildThatLeavesTheTreeDiesWithTheRun(SandboxIsolation isolation) throws Exception {
        // The child starts a session of its own and its parent exits at once: it is no one's descendant any more,
        // and only the namespace holds it. (A plain process cannot hold it: see grading-tests.md.)
        Instant started = Instant.now();
        PythonTestRun.Outcome outcome = run(isolation, "if os.fork() == 0:\n    os.setsid()\n"
                + "    time.sleep(1000)\nassert True\nos._exit(0)\n");

        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.EXITED);
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(started.minusSeconds(1))).orElse(false))
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(PythonTestRun.HARNESS))
                        .orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList()).isEmpty();
    }
}
