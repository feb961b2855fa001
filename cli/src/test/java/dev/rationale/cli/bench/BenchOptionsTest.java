// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The benches' command lines: a mistyped option used to be ignored, so that {@code --scenario 0c8} ran every
 * scenario for minutes and {@code --help} ran the whole bench. Each case here returns before a server starts.
 */
class BenchOptionsTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome execute(Callable<Integer> bench, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(bench).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aMistypedOptionStopsTheBenchWithASuggestion() {
        Outcome outcome = execute(new EvalVsPeers.Options(), "--scenario", "0c8");

        assertThat(outcome.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(outcome.err()).contains("Unknown option", "--scenarios");
    }

    @Test
    void helpPrintsTheUsageOfEachBenchAndRunsNothing() {
        Outcome peers = execute(new EvalVsPeers.Options(), "--help");
        Outcome eval = execute(new EvalBench.Options(), "-h");
        Outcome pool = execute(new PoolBench.Options(), "--help");
        Outcome scale = execute(new ScaleBench.Options(), "--help");

        assertThat(peers.exitCode()).isZero();
        assertThat(peers.out()).contains("bench/eval-vs-peers.sh", "--scenarios", "--warm-cases", "--startup");
        assertThat(eval.out()).contains("bench/eval.sh", "--delay-ms");
        assertThat(pool.out()).contains("bench/pool.sh", "--concurrency");
        assertThat(scale.out()).contains("bench/scale.sh", "[N]");
    }

    @Test
    void aCountThatIsNotANumberIsRefused() {
        Outcome scale = execute(new ScaleBench.Options(), "lots");
        Outcome eval = execute(new EvalBench.Options(), "--requests", "1k");

        assertThat(scale.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(scale.err()).contains("'lots' is not an int");
        assertThat(eval.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(eval.err()).contains("'1k' is not an int");
    }

    @Test
    void anUnknownScenarioNamesTheScenariosThereAre() {
        Outcome outcome = execute(new EvalVsPeers.Options(), "--scenarios", "0c8,9c9");

        assertThat(outcome.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(outcome.err()).contains("no scenario 9c9; the scenarios are 0c8, 50c8, 50c32, 20c8, faults20c8");
    }
}
