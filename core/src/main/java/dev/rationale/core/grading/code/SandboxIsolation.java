// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

/** How a {@link CodeSandbox} keeps generated code from the machine, best first. */
public enum SandboxIsolation {
    /** bubblewrap: new namespaces for users, processes and the network, the file system read-only but scratch. */
    BUBBLEWRAP("bubblewrap", true),
    /** unshare: new namespaces for users, processes, mounts and the network, every mount read-only but scratch. */
    UNSHARE("unshare (no network)", true),
    /** A child process with limits only: it can reach the network and write wherever its user can. */
    PLAIN("plain process (network not blocked)", false);

    private final String description;
    private final boolean blocksNetwork;

    SandboxIsolation(String description, boolean blocksNetwork) {
        this.description = description;
        this.blocksNetwork = blocksNetwork;
    }

    /** What to tell the user, e.g. {@code unshare (no network)}. */
    public String description() {
        return description;
    }

    /** Whether code run this way cannot open network connections (the loopback interface included). */
    public boolean blocksNetwork() {
        return blocksNetwork;
    }
}
