// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/rationale}, the launcher the README shows, runs the packaged jar with its ahead-of-time cache. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "rationale").toAbsolutePath().normalize();
    private static final Path CACHE = Path.of("target", "rationale-cli.aot");

    private record Result(int exitCode, String output) {
    }

    private static Result launch(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("RATIONALE_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void theCacheTheBuildTrainedIsOneTheLaunchersJvmCanUse() throws Exception {
        assumeThat(CACHE).as("built with -Daot.skip").isRegularFile();

        // With AOTMode=on a JVM that cannot map the cache (another jar, other flags) refuses to start.
        Result run = launch(Map.of("RATIONALE_JAVA_OPTS", "-XX:AOTMode=on"), "validate",
                CliRun.sample("arithmetic.rationale.json").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("valid").doesNotContain("WARNING");
    }

    @Test
    void picocliComesFromTheCacheNotFromTheJar() throws Exception {
        assumeThat(CACHE).as("built with -Daot.skip").isRegularFile();

        Result run = launch(Map.of("RATIONALE_JAVA_OPTS", "-Xlog:class+load=info"), "validate",
                CliRun.sample("arithmetic.rationale.json").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> picocli = run.output().lines().filter(line -> line.contains(" picocli.")).toList();
        assertThat(picocli).as("picocli's classes loaded").hasSizeGreaterThan(50)
                .filteredOn(line -> line.endsWith("source: shared objects file"))
                .as("of them, from the cache").hasSizeGreaterThan(picocli.size() * 9 / 10);
    }

    @Test
    void aJdkOlderThan25IsNamedInsteadOfFailingInTheJvm(@TempDir Path fakeJdk) throws Exception {
        Files.createDirectories(fakeJdk.resolve("bin"));
        Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");
        Path java = Files.writeString(fakeJdk.resolve("bin/java"), "#!/bin/sh\necho should not run\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        Result run = launch(Map.of("JAVA_HOME", fakeJdk.toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("needs JDK 25").contains("is 17").doesNotContain("should not run");
    }
}
