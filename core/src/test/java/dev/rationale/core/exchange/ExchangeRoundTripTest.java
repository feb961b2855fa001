// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExchangeRoundTripTest {
    // The providers tell raw-text prompts (run by completion providers) from chat ones on the way back.
    private static final List<ProviderTarget> LOCAL = List.of(new ProviderTarget("local",
            new Endpoint("local", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", null, null), "tiny",
            GenerationSettings.NONE));

    static Stream<Path> samples() throws IOException {
        Path dir = Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sets = files.filter(f -> f.getFileName().toString().endsWith(".rationale.json")).sorted()
                    .toList();
            assertThat(sets).hasSizeGreaterThanOrEqualTo(4);
            return sets.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void jsonAndYamlExportsReadBackEqualToTheSet(Path sample) {
        PromptSet set = PromptSetFiles.load(sample);

        Exported json = PromptSetExporter.export(set, ExportFormat.JSON, ExportSelection.ALL, List.of());
        Exported yaml = PromptSetExporter.export(set, ExportFormat.YAML, ExportSelection.ALL, List.of());

        assertThat(PromptSetFiles.fromJson(json.text(), "export.json")).isEqualTo(set);
        assertThat(PromptSetFiles.fromYaml(yaml.text(), "export.yaml")).isEqualTo(set);
        assertThat(json.notMapped()).isEmpty();
        assertThat(yaml.notMapped()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void promptfooExportImportsBackToTheSamePromptsCasesAndAnswerFormats(Path sample) {
        PromptSet set = PromptSetFiles.load(sample);

        Exported exported = PromptSetExporter.export(set, ExportFormat.PROMPTFOO, ExportSelection.ALL, LOCAL);
        PromptfooImport imported = PromptfooReader.read(exported.text(), "promptfooconfig.yaml", "imported");

        PromptSet back = imported.promptSet();
        assertThat(back.name()).isEqualTo(set.name());
        assertThat(back.tasks()).extracting(Task::id).isEqualTo(set.tasks().stream().map(Task::id).toList());
        for (Task task : set.tasks()) {
            Task returned = back.task(task.id()).orElseThrow();
            assertThat(returned.cases()).as("cases of %s", task.id()).isEqualTo(task.cases());
            assertThat(returned.effectiveAnswer()).isEqualTo(task.effectiveAnswer());
            assertThat(returned.variants()).extracting(Variant::id)
                    .isEqualTo(task.variants().stream().map(Variant::id).toList());
            for (Variant variant : task.variants()) {
                Variant again = returned.variant(variant.id()).orElseThrow();
                assertThat(again.effectiveShape()).isEqualTo(variant.effectiveShape());
                for (TestCase testCase : task.cases()) {
                    assertThat(PromptRenderer.render(returned, again, testCase))
                            .as("%s / %s / %s", task.id(), variant.id(), testCase.id())
                            .isEqualTo(PromptRenderer.render(task, variant, testCase));
                }
            }
        }
        assertThat(PromptSetFiles.fromJson(PromptSetFiles.toJson(back), "back.json")).isEqualTo(back);
        assertThat(imported.notMapped()).isEmpty();
        assertThat(exported.notMapped()).allMatch(note -> note.contains("majority vote"));
    }

    @Test
    void choicesSurviveJsonYamlAndPromptfooAndMarkdownListsThem() {
        PromptSet set = ExchangeFixtures.withChoices();

        Exported json = PromptSetExporter.export(set, ExportFormat.JSON, ExportSelection.ALL, List.of());
        Exported yaml = PromptSetExporter.export(set, ExportFormat.YAML, ExportSelection.ALL, List.of());
        Exported promptfoo = PromptSetExporter.export(set, ExportFormat.PROMPTFOO, ExportSelection.ALL, LOCAL);
        Exported markdown = PromptSetExporter.export(set, ExportFormat.MARKDOWN, ExportSelection.ALL, List.of());

        assertThat(PromptSetFiles.fromJson(json.text(), "export.json")).isEqualTo(set);
        assertThat(PromptSetFiles.fromYaml(yaml.text(), "export.yaml")).isEqualTo(set);
        PromptfooImport back = PromptfooReader.read(promptfoo.text(), "promptfooconfig.yaml", "imported");
        assertThat(back.promptSet().tasks().getFirst().cases()).isEqualTo(set.tasks().getFirst().cases());
        assertThat(back.notMapped()).isEmpty();
        assertThat(promptfoo.notMapped()).contains("task \"sums\": the choices of 1 case are kept in the tests'"
                + " metadata, but promptfoo does not score them by likelihood");
        assertThat(markdown.text()).contains("- **Choices**:\n\n```text\n0: 4\n1: 5\n0.5: 6\n```\n");
        assertThat(markdown.notMapped()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void markdownShowsEveryVariantsPromptForTheFirstCase(Path sample) {
        PromptSet set = PromptSetFiles.load(sample);

        Exported markdown = PromptSetExporter.export(set, ExportFormat.MARKDOWN, ExportSelection.ALL, List.of());

        assertThat(markdown.notMapped()).isEmpty();
        assertThat(markdown.text()).startsWith("# " + set.name() + "\n");
        for (Task task : set.tasks()) {
            assertThat(markdown.text()).contains("## Task: " + task.effectiveTitle() + " (`" + task.id() + "`)");
            for (Variant variant : task.variants()) {
                assertThat(markdown.text()).contains("### Variant: " + variant.effectiveLabel());
                switch (PromptRenderer.render(task, variant, task.cases().getFirst())) {
                    case RenderedPrompt.Text text ->
                            assertThat(markdown.text()).contains("text\n" + text.prompt() + "\n```");
                    case RenderedPrompt.Chat chat -> chat.messages().forEach(m ->
                            assertThat(markdown.text()).contains("**" + m.role().wireName() + "**\n\n")
                                    .contains("text\n" + m.content() + "\n"));
                }
            }
            task.exemplars().stream().filter(e -> e.hasRationale() && !e.rationale().contains("\n"))
                    .forEach(e -> assertThat(markdown.text()).contains("- **Reasoning**: " + e.rationale()));
        }
    }
}
