// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers cap the heap; a command that meets an input larger than the cap allows says so in one line and how
 * to give it more, instead of a JVM stack trace.
 */
class OutOfMemoryMessageTest {

    @TempDir
    Path workspace;

    @Test
    void aYamlSetTooLargeForTheHeapEndsWithOneLineNamingTheHeapAndHowToRaiseIt() throws Exception {
        // YAML is read whole (the text, then its tree): 200,000 cases cannot fit in 16 MB.
        Path set = workspace.resolve("big.rationale.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(set, StandardCharsets.UTF_8)) {
            out.write("format: rationale-prompt-set\nversion: 1\nname: Big\ntasks:\n  - id: sums\n"
                    + "    template:\n      input: \"Q: {{question}}\"\n    variants:\n      - id: direct\n"
                    + "    cases:\n");
            for (int i = 0; i < 200_000; i++) {
                out.write(String.format(Locale.ROOT, "      - id: c%06d%n        inputs:%n"
                        + "          question: \"What is %d + 3?\"%n        expected: \"%d\"%n", i, i, i + 3));
            }
        }
        Path log = workspace.resolve("validate.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RationaleCommand.class.getName(), "validate", set.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("validate ends").isTrue();

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(RationaleCommand.EXIT_FAILURE);
        assertThat(output).contains("rationale: out of memory: this command needed more than its heap of")
                .contains("RATIONALE_JAVA_OPTS=-Xmx1g")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
    }
}
