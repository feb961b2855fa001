// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.RationaleVersion;
import org.junit.jupiter.api.Test;

class CommandLineContractTest {

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("rationale " + RationaleVersion.current() + "\n");
        assertThat(RationaleVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "render"}) {
            CliRun run = CliRun.of(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: rationale " + command);
        }
        CliRun top = CliRun.of("--help");
        assertThat(top.out()).contains("validate").contains("render");
    }

    @Test
    void anInvocationBuildsOnlyTheCommandItNamesAndHelpOrATypoGetsThemAll() {
        var eval = RationaleCommand.forArguments(System.out, System.err, new String[] {"--debug", "eval", "x.json"});
        assertThat(eval.getSubcommands()).containsOnlyKeys("eval");

        var all = RationaleCommand.forArguments(System.out, System.err, new String[] {"help", "eval"});
        assertThat(all.getSubcommands()).containsKeys("validate", "render", "run", "eval", "history", "help");

        CliRun help = CliRun.of("help", "eval");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: rationale eval");

        CliRun typo = CliRun.of("evl", "x.json");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument").contains("eval");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing a command").contains("Usage: rationale");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("render", "--frobnicate", "x.rationale.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frobnicate");
    }
}
