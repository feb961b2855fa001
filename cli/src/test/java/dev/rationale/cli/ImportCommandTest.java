// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void bigbenchMakesASetWithExemplarsAndTwoVariantsThatValidates() {
        Path out = dir.resolve("science.rationale.json");

        CliRun run = CliRun.of("import", "bigbench", CliRun.sample("everyday-science.bigbench.json").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(out + ": 3 test cases imported into task \"everyday_science\","
                + " 3 examples kept as exemplars\n");
        Task task = PromptSetFiles.load(out).tasks().getFirst();
        assertThat(task.variants()).extracting(v -> v.id()).containsExactly("zero-shot", "few-shot");
        assertThat(task.cases().getFirst().inputs().get("choices")).contains("\n  choice: gravity");
        assertThat(CliRun.of("validate", out.toString()).err()).as("no warnings either").isEmpty();
    }

    @Test
    void bigbenchShotsZeroKeepsEveryExampleAsACase() {
        Path out = dir.resolve("s.rationale.json");

        CliRun run = CliRun.of("import", "bigbench", CliRun.sample("everyday-science.bigbench.json").toString(),
                "--out", out.toString(), "--shots", "0", "--task", "science");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Task task = PromptSetFiles.load(out).task("science").orElseThrow();
        assertThat(task.cases()).hasSize(6);
        assertThat(task.exemplars()).isEmpty();
    }

    @Test
    void csvMakesANewSetThatRendersEachCase() {
        Path out = dir.resolve("extra.rationale.json");

        CliRun run = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(out + ": 10 test cases imported into task \"arithmetic-extra\"");
        CliRun render = CliRun.of("render", out.toString(), "--case", "a5");
        assertThat(render.out()).contains("Question: A pizza is cut into 8 slices.");
    }

    @Test
    void csvAppendsToATaskOfAnExistingSetInPlace() throws Exception {
        Path set = dir.resolve("arithmetic.rationale.json");
        Files.copy(CliRun.sample("arithmetic.rationale.json"), set);
        int before = PromptSetFiles.load(set).tasks().getFirst().cases().size();

        CliRun run = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--set", set.toString(), "--task", "arithmetic", "--out", set.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        PromptSet updated = PromptSetFiles.load(set);
        assertThat(updated.tasks().getFirst().cases()).hasSize(before + 10);
        assertThat(updated.tasks().getFirst().cases().getLast().id()).isEqualTo("a10");
    }

    @Test
    void jsonlReplacesCasesAndMapsAColumnOntoTheTasksInput() throws Exception {
        Path data = Files.writeString(dir.resolve("more.jsonl"), """
                {"id": "m1", "problem": "What is 6 * 7?", "level": "easy", "expected": 42}
                {"id": "m2", "problem": "What is 100 - 1?", "level": "easy", "expected": 99}
                """);
        Path out = dir.resolve("replaced.rationale.json");

        CliRun run = CliRun.of("import", "jsonl", data.toString(), "--set",
                CliRun.sample("arithmetic.rationale.json").toString(), "--out", out.toString(), "--replace",
                "--map", "problem=question");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 test cases imported into task \"arithmetic\"")
                .contains("not used by the task: level");
        assertThat(PromptSetFiles.load(out).tasks().getFirst().cases()).extracting(c -> c.inputs().get("question"))
                .containsExactly("What is 6 * 7?", "What is 100 - 1?");
    }

    @Test
    void aBrokenFileExitsTwoWithOneLineAndWritesNothing() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            text.append("{\"question\": \"q").append(i).append("\", \"expected\": \"").append(i).append("\"}\n");
        }
        text.append("{\"question\": \"q7\", \"expected\": \"7\"\n");
        Path data = Files.writeString(dir.resolve("broken.jsonl"), text.toString());
        Path out = dir.resolve("never.rationale.json");

        CliRun run = CliRun.of("import", "jsonl", data.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("rationale: " + data + ":7: not valid JSON: ").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws Exception {
        Path out = Files.writeString(dir.resolve("mine.rationale.json"), "precious");

        CliRun refused = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists; pass --force");
        assertThat(out).hasContent("precious");

        CliRun forced = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(PromptSetFiles.load(out).tasks().getFirst().cases()).hasSize(10);
    }

    @Test
    void usageMistakesExitTwo() {
        CliRun mapWithoutSet = CliRun.of("import", "csv", "a.csv", "--out", dir.resolve("o.json").toString(),
                "--map", "a=b");
        CliRun noFormat = CliRun.of("import");
        CliRun noOut = CliRun.of("import", "bigbench", "task.json");

        assertThat(mapWithoutSet.exitCode()).isEqualTo(2);
        assertThat(mapWithoutSet.err()).contains("--map needs --set");
        assertThat(noFormat.exitCode()).isEqualTo(2);
        assertThat(noFormat.err()).contains("Missing a format");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }

    @Test
    void importIsListedWithItsFormats() {
        assertThat(CliRun.of("--help").out()).contains("import");
        CliRun help = CliRun.of("import", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: rationale import").contains("bigbench").contains("csv")
                .contains("jsonl");
    }
}
