// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}: the folder whose history a command reads; the current directory by default. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "The workspace folder (default: the current directory).")
    private Path workspace;

    Path folder() {
        return workspace;
    }
}
