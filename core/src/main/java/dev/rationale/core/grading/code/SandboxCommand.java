// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The command line that runs a program in a sandbox of one {@link SandboxIsolation}, with its limits. */
final class SandboxCommand {
    // Run inside the new mount namespace: scratch stays writable (a bind mount of its own), every other mount is
    // made read-only, then the program starts in scratch. Mount points with spaces cannot be remounted by name and
    // stay as they are. Exit 97 says the sandbox could not be set up.
    private static final String READ_ONLY_SCRIPT = """
            scratch=$1; mount=$2; shift 2
            "$mount" --bind "$scratch" "$scratch" || exit 97
            while read -r _ _ _ _ point _; do
              [ "$point" = "$scratch" ] || "$mount" -o remount,bind,ro "$point" 2>/dev/null
            done < /proc/self/mountinfo
            cd "$scratch" || exit 97
            unset PWD OLDPWD
            exec "$@"
            """;
    private static final String ULIMIT_SCRIPT = "ulimit -v $1 -u $2 -f $3 -c 0 -t $4 || exit 97; shift 4; exec \"$@\"";
    private static final int OPEN_FILES = 256;
    private static final long FILE_BYTES = 16L << 20;

    private SandboxCommand() {
    }

    static List<String> of(SandboxIsolation isolation, SandboxTools tools, Path scratch, SandboxLimits limits,
            List<String> program) {
        List<String> command = new ArrayList<>();
        if (tools.dropsToNobody()) {
            command.addAll(List.of(str(tools.setpriv()), "--reuid=" + SandboxTools.NOBODY,
                    "--regid=" + SandboxTools.NOBODY, "--clear-groups", "--"));
        }
        String dir = scratch.toString();
        switch (isolation) {
            // bwrap sets PWD after clearing the environment; env -i leaves the program none at all.
            case BUBBLEWRAP -> command.addAll(List.of(str(tools.bwrap()), "--unshare-all", "--die-with-parent",
                    "--new-session", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                    "--bind", dir, dir, "--chdir", dir, "--clearenv", "--", str(tools.env()), "-i"));
            case UNSHARE -> command.addAll(List.of(str(tools.unshare()), "--user", "--map-root-user", "--mount",
                    "--net", "--pid", "--fork", "--mount-proc", "--kill-child", "--", str(tools.sh()), "-c",
                    READ_ONLY_SCRIPT, "sandbox", dir, str(tools.mount())));
            case PLAIN -> {
                // A session of its own, so that the run's whole process group can be killed at once.
                if (tools.setsid() != null) {
                    command.add(str(tools.setsid()));
                }
            }
        }
        // The limits come last, inside the new user namespace, where the process limit counts this run alone.
        command.addAll(limits(tools, limits));
        command.addAll(program);
        return command;
    }

    private static List<String> limits(SandboxTools tools, SandboxLimits limits) {
        long cpuSeconds = limits.wallClock().toSeconds() + 1;
        long memory = (long) limits.memoryMb() << 20;
        if (tools.prlimit() != null) {
            return List.of(str(tools.prlimit()), "--as=" + memory, "--nproc=" + limits.processes(),
                    "--fsize=" + FILE_BYTES, "--nofile=" + OPEN_FILES, "--core=0", "--cpu=" + cpuSeconds, "--");
        }
        return List.of(str(tools.sh()), "-c", ULIMIT_SCRIPT, "limits", String.valueOf(memory >> 10),
                String.valueOf(limits.processes()), String.valueOf(FILE_BYTES / 512), String.valueOf(cpuSeconds));
    }

    private static String str(Path tool) {
        return Objects.requireNonNull(tool, "tool").toString();
    }
}
