// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.exchange.ChatPromptReader.ChatVariant;
import dev.rationale.core.exchange.NunjucksText.Piece;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a promptfoo configuration into a prompt set: each prompt becomes a variant (a label {@code TASK:VARIANT}
 * names both, as {@link PromptfooWriter} writes them; other prompts go to one task), each test a test case of the
 * task its {@code prompts} filter names, and an {@code equals} assertion the expected answer. A Rationale export's
 * answer formats, expected answers and choices come back from its grader's config and the tests' metadata. Everything
 * else is listed in {@link PromptfooImport#notMapped()}, never dropped silently. {@code docs/exchange.md} has the
 * details. Pure; safe from any thread.
 */
public final class PromptfooReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultTask;
    private final List<String> notMapped = new ArrayList<>();
    private final Map<String, TaskParts> tasks = new LinkedHashMap<>();

    /** What one task collects while the configuration is read. */
    private static final class TaskParts {
        final List<Variant> variants = new ArrayList<>();
        final List<Exemplar> exemplars = new ArrayList<>();
        final List<TestCase> cases = new ArrayList<>();
        @Nullable AnswerFormat answer;
    }

    private PromptfooReader(String defaultTask) {
        this.defaultTask = defaultTask;
    }

    /**
     * @param defaultTask the id of the task that receives prompts without a {@code TASK:} label
     * @throws RationaleException when the text is not YAML or has no prompts
     */
    public static PromptfooImport read(String text, String sourceName, String defaultTask) {
        PromptfooReader reader = new PromptfooReader(defaultTask);
        JsonNode config = PromptfooYaml.read(text, sourceName);
        return reader.read(config, sourceName);
    }

    private PromptfooImport read(JsonNode config, String sourceName) {
        if (!config.path("prompts").isArray() || config.path("prompts").isEmpty()) {
            throw new RationaleException(sourceName + ": no prompts (only an inline list of prompts is read)");
        }
        List<String> labels = new ArrayList<>();
        int n = 0;
        for (JsonNode prompt : config.path("prompts")) {
            n++;
            labels.add(labelOf(prompt, n));
        }
        Set<String> completionOnly = completionOnlyPrompts(config.path("providers"), labels);
        n = 0;
        for (JsonNode prompt : config.path("prompts")) {
            n++;
            prompt(prompt, n, completionOnly);
        }
        answerFormats(config.path("defaultTest"));
        n = 0;
        for (JsonNode test : config.path("tests")) {
            n++;
            test(test, n);
        }
        if (!config.path("tests").isArray() && !config.path("tests").isMissingNode()) {
            notMapped.add("tests: only an inline list of tests is read, not " + config.path("tests").asText());
        }
        List<Task> built = new ArrayList<>();
        tasks.forEach((id, parts) -> built.add(new Task(id, null, null,
                new PromptTemplate(null, parts.variants.isEmpty() ? "{{input}}" : firstInput(parts), null, null, null),
                parts.answer, parts.exemplars, parts.cases, parts.variants)));
        String name = config.path("description").isTextual() ? config.path("description").asText() : defaultTask;
        return new PromptfooImport(PromptSet.of(name, built), notMapped);
    }

    private static String firstInput(TaskParts parts) {
        PromptTemplate template = parts.variants.getFirst().template();
        return template != null && template.input() != null ? template.input() : "{{input}}";
    }

    // A prompt only completion providers run is raw text; any other is sent as chat, as promptfoo sends it. A
    // provider without a prompts list runs every prompt.
    private static Set<String> completionOnlyPrompts(JsonNode providers, List<String> labels) {
        Set<String> completion = new HashSet<>();
        Set<String> chat = new HashSet<>();
        for (JsonNode provider : providers) {
            boolean isCompletion = provider.path("id").asText(provider.asText()).contains(":completion:");
            Set<String> runs = isCompletion ? completion : chat;
            if (provider.path("prompts").isArray()) {
                provider.path("prompts").forEach(label -> runs.add(label.asText()));
            } else {
                runs.addAll(labels);
            }
        }
        completion.removeAll(chat);
        return completion;
    }

    private static @Nullable String rawOf(JsonNode prompt) {
        return prompt.isTextual() ? prompt.asText() : prompt.path("raw").asText(null);
    }

    // promptfoo labels a prompt without a label by its text.
    private static String labelOf(JsonNode prompt, int n) {
        String raw = rawOf(prompt);
        return prompt.path("label").asText(raw == null ? "prompt " + n : raw);
    }

    private void prompt(JsonNode prompt, int n, Set<String> completionOnly) {
        @Nullable String raw = rawOf(prompt);
        String label = labelOf(prompt, n);
        if (raw == null || raw.startsWith("file://")) {
            notMapped.add("prompt " + n + ": only inline prompts are read, not " + (raw == null ? prompt : raw));
            return;
        }
        int colon = label.indexOf(':');
        boolean ours = prompt.isObject() && colon > 0;
        String taskId = ours ? label.substring(0, colon) : defaultTask;
        String variantId = ours ? label.substring(colon + 1) : "prompt-" + n;
        TaskParts parts = tasks.computeIfAbsent(taskId, id -> new TaskParts());
        Optional<List<ChatMessage>> messages = messages(raw);
        if (messages.isPresent()) {
            ChatPromptReader.read(variantId, label, messages.get(), notMapped).ifPresent(chat -> add(parts, chat));
        } else {
            textVariant(variantId, label, raw, completionOnly.contains(label)).ifPresent(parts.variants::add);
        }
    }

    private static void add(TaskParts parts, ChatVariant chat) {
        parts.variants.add(chat.variant());
        parts.exemplars.addAll(chat.exemplars());
    }

    private Optional<Variant> textVariant(String id, String label, String raw, boolean text) {
        List<Piece> pieces = PromptTexts.pieces(raw, "prompt \"" + label + "\": ", notMapped).orElse(null);
        if (pieces == null) {
            return Optional.empty();
        }
        String template = PromptTexts.mustache(pieces);
        PromptTemplate layout;
        if (!text) {
            layout = new PromptTemplate(null, template, null, null, null);
        } else {
            // A raw-text prompt is the input, a line break and the cue; its last line is the cue.
            int lastBreak = template.lastIndexOf('\n');
            if (lastBreak < 0) {
                notMapped.add("prompt \"" + label + "\": a raw-text prompt in Rationale ends with a line break and"
                        + " a cue; this one gets a line break at its end");
                layout = new PromptTemplate(null, template, null, null, null);
            } else {
                layout = new PromptTemplate(null, template.substring(0, lastBreak), template.substring(lastBreak + 1),
                        null, null);
            }
        }
        return Optional.of(new Variant(id, label, 0, List.of(), null, null, null, null,
                text ? PromptShape.TEXT : PromptShape.CHAT, null, layout, null, null));
    }

    private static Optional<List<ChatMessage>> messages(String raw) {
        if (!raw.strip().startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.of(JSON.readValue(raw, ChatMessage[].class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void answerFormats(JsonNode defaultTest) {
        for (JsonNode assertion : defaultTest.path("assert")) {
            JsonNode formats = assertion.path("config").path("answerFormats");
            if (!formats.isObject()) {
                notMapped.add("defaultTest: the assertion " + assertion.path("type").asText() + " is not mapped");
                continue;
            }
            formats.properties().forEach(entry -> {
                TaskParts parts = tasks.get(entry.getKey());
                if (parts != null) {
                    parts.answer = JSON.convertValue(entry.getValue(), AnswerFormat.class);
                }
            });
        }
    }

    private void test(JsonNode test, int n) {
        String name = test.path("description").asText("test " + n);
        String taskId = test.path("metadata").path("task").asText(null);
        if (taskId == null && test.path("prompts").size() == 1) {
            String filter = test.path("prompts").get(0).asText();
            taskId = filter.endsWith(":*") ? filter.substring(0, filter.length() - 2) : null;
        }
        TaskParts parts = tasks.get(taskId != null ? taskId : defaultTask);
        if (parts == null) {
            notMapped.add(name + ": no prompt of task \"" + taskId + "\" was read, so the test has nowhere to go");
            return;
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        test.path("vars").properties().forEach(var -> {
            if (var.getValue().isValueNode()) {
                inputs.put(var.getKey(), var.getValue().asText());
            } else {
                notMapped.add(name + ": the var " + var.getKey() + " is not text and is left out");
            }
        });
        String expected = test.path("metadata").path("expected").asText(null);
        for (JsonNode assertion : test.path("assert")) {
            String type = assertion.path("type").asText();
            if (type.equals("equals") && expected == null && assertion.path("value").isValueNode()) {
                expected = assertion.path("value").asText();
                parts.answer = parts.answer != null ? parts.answer
                        : new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.EXACT);
            } else {
                notMapped.add(name + ": the assertion " + type + " is not mapped");
            }
        }
        parts.cases.add(new TestCase(test.path("metadata").path("case").asText(null), inputs, expected,
                choices(test.path("metadata").path("choices"), name)));
    }

    // A Rationale export keeps a case's choices in its metadata as a list of text and score.
    private List<Choice> choices(JsonNode node, String name) {
        if (node.isMissingNode()) {
            return List.of();
        }
        List<Choice> choices = new ArrayList<>();
        for (JsonNode choice : node.isArray() ? node : JSON.createArrayNode().add(node)) {
            if (!choice.path("text").isTextual() || !choice.path("score").isNumber()) {
                notMapped.add(name + ": metadata.choices is not a list of text and score, and is left out");
                return List.of();
            }
            choices.add(Choice.of(choice.path("text").asText(), choice.path("score").asDouble()));
        }
        return choices;
    }
}
