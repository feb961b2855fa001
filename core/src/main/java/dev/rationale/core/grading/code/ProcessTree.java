// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Kills a sandboxed run with everything it started. In a new process namespace the kernel ends every process in it
 * when its first one dies; a plain run is killed by its process group too, since a child that forked twice has left
 * the tree of descendants. A fork bomb makes new processes while they are being killed, so killing repeats until
 * none is left (the process limit keeps that short).
 */
final class ProcessTree {
    private static final int ROUNDS = 50;

    private final Process process;
    private final @Nullable Path kill;

    /** @param kill the {@code kill} program that signals the process group, or null when there is none */
    ProcessTree(Process process, @Nullable Path kill) {
        this.process = process;
        this.kill = kill;
    }

    /** Kills the process, its descendants and its process group; returns when none of them is alive. */
    void kill() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> alive = new ArrayList<>(process.descendants().filter(ProcessHandle::isAlive)
                    .toList());
            killGroup();
            alive.forEach(ProcessHandle::destroyForcibly);
            // Through the handle: Process.destroyForcibly also closes the process's output streams, and what the
            // run wrote but the readers had not read yet (the harness's report, under load) was lost with them.
            process.toHandle().destroyForcibly();
            if (alive.isEmpty() && !process.isAlive()) {
                break;
            }
            Thread.sleep(5);
        }
        process.waitFor();
    }

    private void killGroup() throws InterruptedException {
        if (kill == null) {
            return;
        }
        // The run is the leader of its own group (setsid), so its id is the group's; signalling a group that is
        // gone or that is not its own fails harmlessly.
        try {
            new ProcessBuilder(kill.toString(), "-9", "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // No group to kill: the descendants are killed one by one all the same.
        }
    }
}
