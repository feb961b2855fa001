// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 20 through the commands that read the files: each ends in exit 2 and one line that
 * names the file and the place, never a stack trace.
 */
class BadInputCommandsTest {
    @TempDir
    Path dir;

    private Path deepTemplateSet() throws Exception {
        String template = "{{#q}}".repeat(8000) + "{{q}}" + "{{/q}}".repeat(8000);
        return Files.writeString(dir.resolve("deep.rationale.json"), "{\"format\": \"rationale-prompt-set\","
                + " \"version\": 1, \"name\": \"Deep\",\n\"tasks\": [{\"id\": \"t\",\n\"template\": {\"input\": \""
                + template + "\"},\n\"cases\": [{\"id\": \"c\", \"inputs\": {\"q\": \"x\"}, \"expected\": \"y\"}],\n"
                + "\"variants\": [{\"id\": \"v\"}]}]}\n");
    }

    @Test
    void validateReportsEightThousandNestedSectionsOnOneLocatedLine() throws Exception {
        Path file = deepTemplateSet();

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        // The problem is one line; a warning (the broken template uses no variable) and the verdict follow it.
        assertThat(run.err().lines().toList()).startsWith(
                file + ":3:23: tasks[0].template.input: not a valid template: sections nest 8000 deep (from line 1);"
                        + " at most 64 levels are allowed")
                .endsWith(file + ": not a valid prompt set (1 problem)")
                .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    }

    @Test
    void renderReportsEightThousandNestedSectionsOnOneLocatedLine() throws Exception {
        Path file = deepTemplateSet();

        CliRun run = CliRun.of("render", file.toString());

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("rationale: " + file + ":3:23: tasks[0].template.input: not a valid template: sections nest"
                        + " 8000 deep");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void importReportsJsonNestedTooDeeplyOnOneLocatedLine() throws Exception {
        Path data = Files.writeString(dir.resolve("deep.jsonl"), "{\"q\": " + "[".repeat(5000) + "}\n");

        CliRun run = CliRun.of("import", "jsonl", data.toString(), "--out", dir.resolve("out.rationale.json")
                .toString());

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("rationale: " + data
                + ":1:1006: not valid JSON: values nest 1001 deep; at most 1000 levels are allowed");
    }

    @Test
    void importReportsBytesThatAreNotUtf8WithTheirOffset() throws Exception {
        Path data = Files.write(dir.resolve("latin1.csv"), "question,expected\ncaf\u00e9,x\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("import", "csv", data.toString(), "--out", dir.resolve("out.rationale.json")
                .toString());

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("rationale: " + data
                + ":2:4: not UTF-8: byte 0xE9 at offset 21");
    }
}
