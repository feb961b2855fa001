// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a bench's options: the usage, and nothing run. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and runs nothing.")
    boolean help;
}
