// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox stops what generated code must not do: run forever, write without end, take the memory, fork without
 * end, reach the network, read this process's environment or write outside its scratch folder. Each run is stopped
 * with its whole process tree, leaves no scratch folder, and the next run works.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeSandboxTest {
    private static final String CODE = "def double(x):\n    return x * 2\n";
    private static final SandboxLimits SHORT = SandboxLimits.of(Duration.ofSeconds(2), 256);

    @AfterEach
    void nothingLeft() throws Exception {
        SandboxedCode.nothingLeftRunning();
        // The machine still runs code after whatever the test ran.
        assertThat(run(CODE, "assert double(2) == 4\n", SHORT).report().passed()).isEqualTo(1);
    }

    private static PythonTestRun.Outcome run(String code, String tests, SandboxLimits limits) throws Exception {
        PythonTestRun.Outcome outcome = new PythonTestRun(CodeSandbox.shared(), SandboxedCode.python())
                .run(code, tests, limits);
        assertThat(outcome.result().scratch()).doesNotExist();
        return outcome;
    }

    @Test
    void codeThatNeverEndsIsStoppedAtTheTimeLimit() throws Exception {
        String slow = CODE + "def wait():\n    import time\n    time.sleep(1000)\n";
        PythonTestRun.Outcome outcome = run(slow, "assert double(1) == 2\nassert wait()\n",
                SandboxLimits.of(Duration.ofSeconds(1), 256));
        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.TIMED_OUT);

        Grade grade = SandboxedCode.grade(SandboxedCode.format(1, null), slow,
                java.util.Map.of("tests", "assert double(1) == 2\nassert wait()\n"));
        assertThat(grade.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade.detail().score()).isEqualTo(0.5);
        assertThat(grade.detail().note()).isEqualTo("1 of 2 tests passed; stopped at the time limit of 1 s after the"
                + " test at line 1");
    }

    @Test
    void endlessOutputIsCutAndTheRunStopped() throws Exception {
        PythonTestRun.Outcome outcome = run(CODE, "while True:\n    print('x' * 1000)\n", SHORT);

        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.OUTPUT_LIMIT);
        assertThat(outcome.result().stderr().length()).isLessThanOrEqualTo((int) SHORT.outputBytes());

        Grade grade = SandboxedCode.grade(CODE, "assert double(1) == 2\nwhile True:\n    print('x' * 1000)\n");
        assertThat(grade.detail().note()).isEqualTo("1 of 1 tests passed; stopped for writing more than 1024 KiB of"
                + " output after the test at line 1");
        assertThat(grade.detail().reply()).hasSizeLessThan(CodeTestNote.REPLY_CHARS + 20).endsWith("[output cut]");
    }

    @Test
    void aMemoryHogMeetsTheMemoryLimit() throws Exception {
        String hog = "def hog():\n    blocks = []\n    while True:\n        blocks.append(bytearray(16 << 20))\n";
        PythonTestRun.Outcome outcome = run(hog, "hog()\nassert 1 + 1 == 2\n", SHORT);

        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.EXITED);
        assertThat(outcome.report().passed()).isEqualTo(1);
        assertThat(outcome.report().firstFailure()).isEqualTo("line 1, hog(): MemoryError");
    }

    @Test
    void aForkBombMeetsTheProcessLimitAndIsKilledWithItsTree() throws Exception {
        String bomb = "import os\ndef bomb():\n    while True:\n        try:\n            os.fork()\n"
                + "        except OSError:\n            pass\n";
        PythonTestRun.Outcome outcome = run(bomb, "bomb()\n", SHORT);

        assertThat(outcome.result().ending()).isEqualTo(SandboxResult.Ending.TIMED_OUT);
    }

    @Test
    void theNetworkIsUnreachableWhereTheIsolationSaysSo() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String tests = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', " + listening.getLocalPort()
                    + "), timeout=1).close()\n    reached = True\nexcept OSError:\n    reached = False\n"
                    + "assert not reached\n";
            PythonTestRun.Outcome outcome = run(CODE, tests, SHORT);

            boolean blocked = outcome.report().passed() == 1;
            assertThat(blocked).as(CodeSandbox.shared().isolation().description())
                    .isEqualTo(CodeSandbox.shared().isolation().blocksNetwork());
        }
    }

    @Test
    void theCodeSeesNoneOfThisProcesssEnvironment() throws Exception {
        // Python sets LC_CTYPE itself when the locale is unset (PEP 538); nothing else may be there.
        PythonTestRun.Outcome outcome = run(CODE, "import os\nassert set(os.environ) <= {'LC_CTYPE'},"
                + " sorted(os.environ)\nassert 'PATH' not in os.environ\n", SHORT);

        assertThat(outcome.report().firstFailure()).isNull();
        assertThat(outcome.report().passed()).isEqualTo(2);
        assertThat(System.getenv()).containsKey("PATH");
    }

    @Test
    void theCodeWritesInItsScratchFolderAndNothingReachesTheRestOfTheMachineWhenIsolated() throws Exception {
        assumeTrue(CodeSandbox.shared().isolation() != SandboxIsolation.PLAIN, "a plain process writes anywhere");
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "rationale-escape-" + UUID.randomUUID());
        // The write outside is tried, not tested: bubblewrap gives the run a /tmp of its own, unshare a read-only one.
        String tests = "with open('notes.txt', 'w') as f:\n    f.write('kept')\n"
                + "assert open('notes.txt').read() == 'kept'\n"
                + "try:\n    open('" + outside + "', 'w').write('escaped')\nexcept OSError:\n    pass\n"
                + "assert 'notes.txt' in os.listdir('.')\n";
        PythonTestRun.Outcome outcome = run("import os\n" + CODE, tests, SHORT);

        assertThat(outcome.report().firstFailure()).isNull();
        assertThat(outcome.report().passed()).isEqualTo(2);
        assertThat(outside).doesNotExist();
        Files.deleteIfExists(outside);
    }
}
