// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The programs a sandbox is built of, found once by absolute path: the child's environment is empty, so it has
 * no {@code PATH} to find them by.
 *
 * @param root whether this process runs as root; its children then drop to the user nobody, since root's processes
 *     are not held to a process limit
 */
record SandboxTools(@Nullable Path bwrap, @Nullable Path unshare, @Nullable Path setpriv, @Nullable Path prlimit,
        @Nullable Path setsid, @Nullable Path kill, @Nullable Path sh, @Nullable Path mount, @Nullable Path env,
        boolean root) {

    /** The user and group root's sandboxed children run as. */
    static final int NOBODY = 65534;

    /** The tools on this machine: on the {@code PATH}, else in the usual system folders. */
    static SandboxTools find() {
        return new SandboxTools(which("bwrap"), which("unshare"), which("setpriv"), which("prlimit"),
                which("setsid"), which("kill"), which("sh"), which("mount"), which("env"), runsAsRoot());
    }

    /** The executable called {@code name}, or null. */
    static @Nullable Path which(String name) {
        List<Path> folders = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                if (!folder.isBlank()) {
                    folders.add(Path.of(folder));
                }
            }
        }
        for (String folder : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            folders.add(Path.of(folder));
        }
        Optional<Path> found = folders.stream().map(f -> f.resolve(name))
                .filter(f -> Files.isRegularFile(f) && Files.isExecutable(f)).findFirst();
        return found.orElse(null);
    }

    /** Whether children are dropped to nobody: this process is root and can change user. */
    boolean dropsToNobody() {
        return root && setpriv != null;
    }

    private static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
