// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 20 for prompt sets: input built to exhaust the stack, to take quadratic time, or to
 * slip past with an error that says nowhere where it is. Each ends in one located problem.
 */
class PromptSetLimitsTest {
    private static final String HEAD = "{\"format\": \"rationale-prompt-set\", \"version\": 1, \"name\": \"N\",\n";

    @TempDir
    Path dir;

    /** A valid set, as JSON, whose one template input is {@code input} (already JSON-quoted). */
    static String setWithInput(String input) {
        return HEAD + "\"tasks\": [{\"id\": \"t\",\n\"template\": {\"input\": " + input + "},\n"
                + "\"cases\": [{\"id\": \"c\", \"inputs\": {\"a\": \"x\"}, \"expected\": \"y\"}],\n"
                + "\"variants\": [{\"id\": \"v\"}]}]}\n";
    }

    private String problemsOf(String name, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        InvalidPromptSetException e = catchThrowableOfType(InvalidPromptSetException.class,
                () -> PromptSetFiles.load(file));
        assertThat(e).as("%s should be refused", name).isNotNull();
        return e.getMessage().replace(dir + "/", "");
    }

    private String problemsOf(String name, String content) throws IOException {
        return problemsOf(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eightThousandNestedSectionsAreOneProblemNamingTheFileTheFieldAndTheDepth() throws IOException {
        String template = "\"" + "{{#a}}".repeat(8000) + "{{a}}" + "{{/a}}".repeat(8000) + "\"";

        assertThat(problemsOf("deep.rationale.json", setWithInput(template))).isEqualTo(
                "deep.rationale.json:3:23: tasks[0].template.input: not a valid template: sections nest 8000 deep"
                        + " (from line 1); at most 64 levels are allowed");
    }

    @Test
    void aFourMegabyteYamlScalarIsRefusedAtItsLineBeforeTheParserWalksIt() throws IOException {
        String yaml = "format: rationale-prompt-set\nversion: 1\nname: " + "x".repeat(4_000_000) + "\n";

        assertThat(problemsOf("long.rationale.yaml", yaml)).startsWith(
                "long.rationale.yaml:3:100001: line 3 is longer than 100000 characters");
    }

    @Test
    void aYamlLineJustUnderTheLimitStillLoads() throws IOException {
        String input = "x".repeat(YamlLineLimit.LONGEST_LINE - 20);
        String yaml = PromptSetFiles.toYaml(PromptSetFiles.fromJson(setWithInput("\"{{a}}" + input + "\""), "s"));
        Path file = Files.writeString(dir.resolve("wide.rationale.yaml"), yaml);

        assertThat(PromptSetFiles.load(file).tasks().getFirst().template().input()).endsWith(input);
    }

    @Test
    void valuesNestedTooDeeplyAreRefusedAtTheirLineAndColumn() throws IOException {
        String json = HEAD + "\"tasks\": " + "[".repeat(100) + "]".repeat(100) + "}";

        String problem = "values nest 65 deep; at most 64 levels are allowed";

        assertThat(problemsOf("nest.rationale.json", json)).isEqualTo("nest.rationale.json:2:73: not valid JSON: "
                + problem);
        assertThat(problemsOf("nest.rationale.yaml", json)).isEqualTo("nest.rationale.yaml:2:73: not valid YAML: "
                + problem);
    }

    @Test
    void aTooLongNumberIsRefusedAtItsLine() throws IOException {
        assertThat(problemsOf("number.rationale.json", HEAD + "\"x\": " + "9".repeat(2000) + "}"))
                .matches("number\\.rationale\\.json:2:\\d+: not valid JSON: a number has 2000 digits; at most 1000"
                        + " are allowed");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLineColumnAndOffset() throws IOException {
        byte[] latin1 = (HEAD + "\"description\": \"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(problemsOf("latin1.rationale.yaml", latin1))
                .isEqualTo("latin1.rationale.yaml:2:20: not UTF-8: byte 0xE9 at offset 81");
    }
}
