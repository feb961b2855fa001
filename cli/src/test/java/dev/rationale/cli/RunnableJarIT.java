// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar works as the README says: {@code java -jar cli/target/rationale-cli.jar ...}, no flags. */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "rationale-cli.jar");

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void jarExistsAndAllowsNativeAccess() throws IOException {
        assertThat(JAR).isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Main-Class")).isEqualTo(RationaleCommand.class.getName());
            assertThat(attributes.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void versionAndRenderRunFromTheJar() throws Exception {
        assertThat(run("--version")).startsWith("rationale ");

        String prompt = run("render", CliRun.sample("translation.rationale.json").toString(), "--task", "en-fr");

        assertThat(prompt).contains("French").doesNotContain("WARNING");
        assertThat(Files.size(JAR)).isGreaterThan(1_000_000L);
    }
}
