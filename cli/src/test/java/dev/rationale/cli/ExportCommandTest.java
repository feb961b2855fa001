// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.render.PromptRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    private final Path arithmetic = CliRun.sample("arithmetic.rationale.json");

    @Test
    void yamlOfOneTaskAndTwoVariantsLoadsAsThatPartOfTheSet() {
        Path out = dir.resolve("part.rationale.yaml");

        CliRun run = CliRun.of("export", arithmetic.toString(), "--format", "yaml", "--out", out.toString(),
                "--task", "arithmetic", "--variant", "zero-shot", "--variant", "cot-8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(out + ": yaml\n");
        Task task = PromptSetFiles.load(out).tasks().getFirst();
        Task original = PromptSetFiles.load(arithmetic).tasks().getFirst();
        assertThat(task.variants()).containsExactly(original.variant("zero-shot").orElseThrow(),
                original.variant("cot-8").orElseThrow());
        assertThat(task.withVariants(original.variants())).isEqualTo(original);
    }

    @Test
    void jsonIsTheSetAsRationaleSavesIt() throws IOException {
        Path out = dir.resolve("copy.rationale.json");

        CliRun run = CliRun.of("export", arithmetic.toString(), "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(arithmetic));
    }

    @Test
    void markdownShowsTheRenderedPrompt() throws IOException {
        Path out = dir.resolve("arithmetic.md");
        PromptSet set = PromptSetFiles.load(arithmetic);
        Task task = set.tasks().getFirst();

        CliRun run = CliRun.of("export", arithmetic.toString(), "--format", "markdown", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String rendered = ((dev.rationale.core.render.RenderedPrompt.Text) PromptRenderer.render(task,
                task.variant("cot-8").orElseThrow(), task.cases().getFirst())).prompt();
        assertThat(Files.readString(out)).contains(rendered);
    }

    @Test
    void promptfooNamesTheKeyVariableListsWhatItCannotCarryAndImportsBack() throws IOException {
        Path out = dir.resolve("promptfooconfig.yaml");
        String keyVariable = "RATIONALE_TEST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        CliRun run = CliRun.of("export", arithmetic.toString(), "--format", "promptfoo", "--out", out.toString(),
                "--base-url", "http://127.0.0.1:8080/v1", "--key-env", keyVariable, "--model", "tiny");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("apiKeyEnvar: " + keyVariable, "id: openai:completion:tiny");
        assertThat(run.err()).isEqualTo("not exported: task \"arithmetic\" variant \"self-consistency\": 5 samples"
                + " with a majority vote become one completion (promptfoo's --repeat samples again but does not"
                + " vote)\n");

        Path back = dir.resolve("back.rationale.json");
        CliRun imported = CliRun.of("import", "promptfoo", out.toString(), "--out", back.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).isEqualTo(back + ": 1 task(s), 8 variant(s), 48 test case(s)\n");
        assertThat(CliRun.of("validate", back.toString()).exitCode()).isZero();
    }

    @Test
    void anUnknownFormatOrTaskIsBadInput() {
        Path out = dir.resolve("x");

        CliRun format = CliRun.of("export", arithmetic.toString(), "--format", "docx", "--out", out.toString());
        CliRun task = CliRun.of("export", arithmetic.toString(), "--format", "json", "--out", out.toString(),
                "--task", "nope");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err())
                .contains("unknown format \"docx\" (one of: json, yaml, promptfoo, markdown, openai-batch)");
        assertThat(task.exitCode()).isEqualTo(2);
        assertThat(task.err()).contains("no task \"nope\" in the set; it has \"arithmetic\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void importListsWhatItCannotMap() throws IOException {
        Path config = Files.writeString(dir.resolve("pf.yaml"), """
                prompts:
                  - "Say {{ word | upper }}"
                  - "Say {{ word }}"
                tests:
                  - vars: {word: hi}
                    assert: [{type: contains, value: hi}]
                """);
        Path out = dir.resolve("pf.rationale.json");

        CliRun run = CliRun.of("import", "promptfoo", config.toString(), "--out", out.toString(), "--task", "say");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("""
                not imported: prompt "Say {{ word | upper }}": uses template features beyond {{ variable }} \
                (filters, conditions, loops)
                not imported: test 1: the assertion contains is not mapped
                """);
        assertThat(PromptSetFiles.load(out).task("say").orElseThrow().cases()).hasSize(1);
    }
}
