// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.exchange.PromptfooProviders.PromptGroup;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.JsonNames;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a prompt set as a promptfoo configuration ({@code promptfooconfig.yaml}) that {@code promptfoo eval} runs
 * unchanged in meaning: one prompt per variant, labelled {@code TASK:VARIANT}; providers from the given targets
 * ({@link PromptfooProviders}); one test per case, limited to its task's prompts, with the case's inputs as
 * {@code vars} and its id, expected answer and choices as {@code metadata}; and one JavaScript assertion for all
 * tests that grades each output by its task's answer format exactly as Rationale does ({@link PromptfooGrader}).
 * {@code docs/exchange.md} lists what does not carry over (promptfoo does not score choices by likelihood). Pure;
 * safe from any thread.
 */
public final class PromptfooWriter {
    private static final ObjectMapper SPEC_JSON = new ObjectMapper();
    private final List<String> notMapped = new ArrayList<>();
    private final Map<String, PromptGroup> groups = new LinkedHashMap<>();

    private PromptfooWriter() {
    }

    /** The configuration for {@code set} run on {@code targets}; with no target it has an empty provider list. */
    public static Exported write(PromptSet set, List<ProviderTarget> targets) {
        PromptfooWriter writer = new PromptfooWriter();
        ObjectNode config = writer.config(set, targets);
        return new Exported(PromptfooYaml.write(config), writer.notMapped);
    }

    private ObjectNode config(PromptSet set, List<ProviderTarget> targets) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("description", String.valueOf(set.name()));
        ArrayNode prompts = config.putArray("prompts");
        for (Task task : set.tasks()) {
            for (Variant variant : task.variants()) {
                prompt(task, variant).ifPresent(prompts::add);
            }
        }
        ArrayNode providers = config.putArray("providers");
        PromptfooProviders.of(targets, set.effectiveDefaults(), List.copyOf(groups.values()), notMapped)
                .forEach(providers::add);
        if (targets.isEmpty()) {
            notMapped.add("no model to run on: the set has no targets and none was given; add providers by hand");
        }
        config.set("defaultTest", defaultTest(set));
        ArrayNode tests = config.putArray("tests");
        for (Task task : set.tasks()) {
            tests(task, tests);
            long scored = task.cases().stream().filter(TestCase::hasChoices).count();
            if (scored > 0) {
                notMapped.add("task \"" + task.id() + "\": the choices of " + scored + (scored == 1 ? " case are"
                        : " cases are") + " kept in the tests' metadata, but promptfoo does not score them by"
                        + " likelihood");
            }
        }
        return config;
    }

    private Optional<ObjectNode> prompt(Task task, Variant variant) {
        Optional<String> raw = PromptfooPrompt.of(task, variant, notMapped);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String label = task.id() + ":" + variant.id();
        GenerationSettings settings = variant.settings() == null ? GenerationSettings.NONE : variant.settings();
        group(variant, settings).labels().add(label);
        ObjectNode prompt = JsonNodeFactory.instance.objectNode();
        prompt.put("label", label);
        prompt.put("raw", raw.get());
        String where = "task \"" + task.id() + "\" variant \"" + variant.id() + "\": ";
        if (variant.effectiveSamples() > 1) {
            notMapped.add(where + variant.effectiveSamples() + " samples with a majority vote become one"
                    + " completion (promptfoo's --repeat samples again but does not vote)");
        }
        if (settings.topLogprobs() != null) {
            notMapped.add(where + "topLogprobs is not exported; promptfoo grades the text only");
        }
        return Optional.of(prompt);
    }

    // Variants that share a shape and their settings share a provider; one with settings of its own names it.
    private PromptGroup group(Variant variant, GenerationSettings settings) {
        boolean chat = variant.effectiveShape() == PromptShape.CHAT;
        String shape = chat ? "chat" : "text";
        String key = shape + "\u0000" + settings;
        return groups.computeIfAbsent(key, k -> new PromptGroup(
                settings.equals(GenerationSettings.NONE) ? shape : shape + ", " + variant.id(), chat, settings,
                new ArrayList<>()));
    }

    private static ObjectNode defaultTest(PromptSet set) {
        ObjectNode defaultTest = JsonNodeFactory.instance.objectNode();
        ObjectNode grade = defaultTest.putArray("assert").addObject();
        grade.put("type", "javascript");
        grade.put("metric", "correct");
        ObjectNode formats = grade.putObject("config").putObject("answerFormats");
        for (Task task : set.tasks()) {
            formats.set(String.valueOf(task.id()), answerFormat(task.effectiveAnswer()));
        }
        grade.put("value", PromptfooGrader.source());
        return defaultTest;
    }

    static ObjectNode answerFormat(AnswerFormat format) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("extract", JsonNames.of(format.effectiveExtract()));
        if (format.pattern() != null) {
            node.put("pattern", format.pattern());
        }
        if (format.fallback() != null) {
            node.put("fallback", JsonNames.of(format.fallback()));
        }
        if (format.choices() != null) {
            node.put("choices", format.choices());
        }
        node.put("compare", JsonNames.of(format.effectiveCompare()));
        // Kept so that the set reads back whole; the grader script itself matches answers only.
        if (format.threshold() != null) {
            node.put("threshold", format.threshold());
        }
        if (format.tests() != null) {
            node.set("tests", SPEC_JSON.valueToTree(format.tests()));
        }
        return node;
    }

    private static void tests(Task task, ArrayNode tests) {
        int n = 0;
        for (TestCase testCase : task.cases()) {
            n++;
            ObjectNode test = tests.addObject();
            String caseId = testCase.id() != null ? testCase.id() : String.valueOf(n);
            test.put("description", task.id() + " " + caseId);
            ObjectNode vars = test.putObject("vars");
            testCase.inputs().forEach(vars::put);
            test.putArray("prompts").add(task.id() + ":*");
            ObjectNode metadata = test.putObject("metadata");
            metadata.put("task", task.id());
            if (testCase.id() != null) {
                metadata.put("case", testCase.id());
            }
            if (testCase.expected() != null) {
                metadata.put("expected", testCase.expected());
            }
            if (testCase.hasChoices()) {
                ArrayNode choices = metadata.putArray("choices");
                testCase.choices().forEach(c -> choices.addObject().put("text", c.text()).put("score", c.score()));
            }
        }
    }
}
