// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void everySampleSetIsValid() {
        for (String name : new String[] {"arithmetic", "multiple-choice", "translation", "code-generation"}) {
            Path file = CliRun.sample(name + ".rationale.json");

            CliRun run = CliRun.of("validate", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith(file + ": valid, ").contains("variants");
            assertThat(run.err()).as("samples should not even warn").isEmpty();
        }
    }

    @Test
    void anInvalidFileExitsTwoWithLineAndField() throws Exception {
        Path file = write("bad.rationale.json", """
                {
                  "format": "rationale-prompt-set",
                  "version": 1,
                  "name": "Bad",
                  "tasks": [
                    {
                      "id": "t",
                      "template": { "input": "{{q}}" },
                      "variants": [
                        { "id": "a", "shots": -1 }
                      ]
                    }
                  ]
                }
                """);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":10:").contains("tasks[0].variants[0].shots")
                .contains("not a valid prompt set (1 problem)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws Exception {
        Path file = write("cut.rationale.json",
                "{\n  \"format\": \"rationale-prompt-set\",\n  \"version\": 1,\n  \"name\": \"Cut");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(file + ":4:");
    }

    @Test
    void warningsAreShownButTheFileIsValid() throws Exception {
        Path file = write("warn.rationale.json", """
                {
                  "format": "rationale-prompt-set",
                  "version": 1,
                  "name": "Warn",
                  "tasks": [
                    {
                      "id": "t",
                      "template": { "input": "{{q}}" },
                      "exemplars": [ { "inputs": { "q": "1 + 1?" }, "answer": "2" } ],
                      "cases": [ { "inputs": { "q": "2 + 2?" }, "expected": "4" } ],
                      "variants": [ { "id": "cot", "reasoning": "few-shot-rationale" } ]
                    }
                  ]
                }
                """);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(": warning: ").contains("rationale");
        assertThat(run.out()).contains("valid, 1 task, 1 variant, 1 exemplar, 1 test case");
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.rationale.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.rationale.json");
    }
}
