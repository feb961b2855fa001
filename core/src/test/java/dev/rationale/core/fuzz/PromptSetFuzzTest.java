// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rationale.core.promptset.InvalidPromptSetException;
import dev.rationale.core.promptset.LoadedPromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompt sets, JSON and YAML, as the CLI and the app load them: every input either loads (and then renders, or
 * fails to render with a {@link RenderException}) or fails with located problems, on a small stack, and the file
 * is left as it was.
 */
class PromptSetFuzzTest {
    private static final List<String> SAMPLES = List.of("arithmetic", "multiple-choice", "translation",
            "code-generation");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final List<byte[]> JSON_SAMPLES = new ArrayList<>();
    private static final List<byte[]> YAML_SAMPLES = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readSamples() throws IOException {
        Path samples = Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"));
        for (String name : SAMPLES) {
            Path file = samples.resolve(name + ".rationale.json");
            JSON_SAMPLES.add(Files.readAllBytes(file));
            YAML_SAMPLES.add(PromptSetFiles.toYaml(PromptSetFiles.load(file)).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMutatedSampleSetLoadsOrFailsWithLocatedProblemsAndIsLeftAlone() {
        Fuzz.check("mutated prompt set", random -> SmallStack.run(r -> {
            boolean yaml = r.nextBoolean();
            List<byte[]> samples = yaml ? YAML_SAMPLES : JSON_SAMPLES;
            byte[] input = Mutations.mutate(samples.get(r.nextInt(samples.size())), r, 8);
            loadRenderAndCheck(input, yaml ? "set.rationale.yaml" : "set.rationale.json");
        }, random));
    }

    @Test
    void aGeneratedSetWithDeepNestingLongScalarsAndOddUnicodeFailsOnlyWithLocatedProblems() {
        Fuzz.check("generated prompt set", 0.5, random -> SmallStack.run(r -> {
            ObjectNode set = generatedSet(r);
            boolean yaml = r.nextBoolean();
            String text = (yaml ? YAML : JSON).writeValueAsString(set);
            String name = yaml ? "gen.rationale.yaml" : "gen.rationale.json";
            loadRenderAndCheck(text.getBytes(StandardCharsets.UTF_8), name);
        }, random));
    }

    private void loadRenderAndCheck(byte[] input, String name) throws IOException {
        Path file = Files.write(dir.resolve(name), input);
        FileFingerprint before = FileFingerprint.of(file);
        try {
            LoadedPromptSet loaded = PromptSetFiles.loadWithWarnings(file);
            renderEveryVariant(loaded);
        } catch (InvalidPromptSetException e) {
            Located.assertLocated(e, name);
        }
        assertThat(before.matches(file)).as("file unchanged").isTrue();
    }

    private static void renderEveryVariant(LoadedPromptSet loaded) {
        for (Task task : loaded.promptSet().tasks()) {
            for (Variant variant : task.variants()) {
                for (TestCase testCase : task.cases()) {
                    try {
                        assertThat(PromptRenderer.render(task, variant, testCase)).isNotNull();
                    } catch (RenderException e) {
                        assertThat(e.getMessage()).contains("task \"" + task.id() + "\"");
                    }
                }
            }
        }
    }

    // A set close enough to valid that most tries reach the validator, with one hazard or more in it.
    private static ObjectNode generatedSet(SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode set = nodes.objectNode().put("format", "rationale-prompt-set").put("version", 1)
                .put("name", OddText.of(random, 4) + "n");
        if (random.nextInt(4) == 0) {
            set.put("description", "x".repeat(random.nextInt(150_000)));
        }
        ObjectNode task = set.putArray("tasks").addObject().put("id", "t");
        // Around the limit of 64, and far beyond it, where JMustache's recursion overflows a small stack.
        int depth = random.nextBoolean() ? random.nextInt(70) : random.nextInt(3000);
        String input = random.nextBoolean() ? "{{a}}" + OddText.of(random, 6) : OddText.nestedSections(random, depth);
        task.putObject("template").put("input", input);
        ObjectNode testCase = task.putArray("cases").addObject().put("id", "c").put("expected", "y");
        testCase.putObject("inputs").put("a", OddText.of(random, 10) + "v");
        task.putArray("variants").addObject().put("id", "v");
        if (random.nextInt(3) == 0) {
            ArrayNode deep = nodes.arrayNode();
            ArrayNode inner = deep;
            for (int i = 1 + random.nextInt(100); i > 0; i--) {
                inner = inner.addArray();
            }
            String[] places = {"description", "tasks", "name", "zzz"};
            set.set(places[random.nextInt(places.length)], deep);
        }
        return set;
    }
}
