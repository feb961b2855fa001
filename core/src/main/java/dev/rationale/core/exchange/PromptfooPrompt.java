// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rationale.core.exchange.NunjucksText.Piece;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One variant's prompt as a promptfoo prompt: rendered by {@link PromptRenderer} exactly as a run renders it, with
 * a marker in place of each input that then becomes {@code {{ name }}}. Chat prompts are a JSON list of messages,
 * raw-text prompts the text itself. The result is checked case by case: promptfoo's rendering of each test must
 * give what Rationale sends, and every case where it would not is named.
 */
final class PromptfooPrompt {
    private static final Pattern MARKER = Pattern.compile("\uE000(\\d+)\uE001");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptfooPrompt() {
    }

    /** The prompt's raw text, or empty when it cannot be written; {@code notMapped} receives the reasons. */
    static Optional<String> of(Task task, Variant variant, List<String> notMapped) {
        String where = "task \"" + task.id() + "\" variant \"" + variant.id() + "\"";
        List<String> names = TaskInputs.of(task);
        for (String name : names) {
            if (!NunjucksText.isVariableName(name)) {
                notMapped.add(where + ": the input {{" + name + "}} is not a name promptfoo's templates accept");
                return Optional.empty();
            }
        }
        Map<String, String> markers = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            markers.put(names.get(i), "\uE000" + i + "\uE001");
        }
        RenderedPrompt marked;
        try {
            marked = PromptRenderer.render(task, variant, markers, "the inputs");
        } catch (RenderException e) {
            notMapped.add(e.getMessage());
            return Optional.empty();
        }
        Optional<String> raw = write(marked, names);
        if (raw.isEmpty()) {
            notMapped.add(where + ": the prompt holds the text \"endraw\", which promptfoo's templates cannot quote");
            return raw;
        }
        checkCases(task, variant, marked, names, where, notMapped);
        return raw;
    }

    private static Optional<String> write(RenderedPrompt marked, List<String> names) {
        return switch (marked) {
            case RenderedPrompt.Text text -> NunjucksText.write(pieces(text.prompt(), names));
            case RenderedPrompt.Chat chat -> chatJson(chat.messages(), names);
        };
    }

    private static Optional<String> chatJson(List<ChatMessage> messages, List<String> names) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (ChatMessage message : messages) {
            Optional<String> content = NunjucksText.write(pieces(message.content(), names));
            if (content.isEmpty()) {
                return content;
            }
            list.addObject().put("role", message.role().wireName()).put("content", content.get());
        }
        try {
            return Optional.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    static List<Piece> pieces(String marked, List<String> names) {
        List<Piece> pieces = new ArrayList<>();
        Matcher marker = MARKER.matcher(marked);
        int at = 0;
        while (marker.find()) {
            if (marker.start() > at) {
                pieces.add(new Piece(marked.substring(at, marker.start()), false));
            }
            pieces.add(new Piece(names.get(Integer.parseInt(marker.group(1))), true));
            at = marker.end();
        }
        if (at < marked.length()) {
            pieces.add(new Piece(marked.substring(at), false));
        }
        return pieces;
    }

    // A {{#section}} on an input renders the same for every marker but not for every value, and promptfoo
    // itself changes some values (a trailing line break is cut, {{ name }} inside a value is filled in).
    private static void checkCases(Task task, Variant variant, RenderedPrompt marked, List<String> names,
            String where, List<String> notMapped) {
        int n = 0;
        for (TestCase testCase : task.cases()) {
            n++;
            String caseName = testCase.id() != null ? "case \"" + testCase.id() + "\"" : "case " + n;
            for (Map.Entry<String, String> input : testCase.inputs().entrySet()) {
                String value = input.getValue();
                if (value.endsWith("\n") || value.contains("{{") || value.startsWith("file://")) {
                    notMapped.add(where + " " + caseName + ": promptfoo changes the value of " + input.getKey()
                            + " (a final line break, a {{ tag }} or a file:// value)");
                }
            }
            try {
                RenderedPrompt real = PromptRenderer.render(task, variant, testCase);
                if (!real.equals(filled(marked, names, testCase.inputs()))) {
                    notMapped.add(where + " " + caseName + ": its prompt depends on an input beyond filling it in"
                            + " (a {{#section}}), so promptfoo would send a different prompt");
                }
            } catch (RenderException e) {
                notMapped.add(e.getMessage());
            }
        }
    }

    private static RenderedPrompt filled(RenderedPrompt marked, List<String> names, Map<String, String> values) {
        return switch (marked) {
            case RenderedPrompt.Text text -> new RenderedPrompt.Text(fill(text.prompt(), names, values));
            case RenderedPrompt.Chat chat -> new RenderedPrompt.Chat(chat.messages().stream()
                    .map(m -> new ChatMessage(m.role(), fill(m.content(), names, values))).toList());
        };
    }

    private static String fill(String marked, List<String> names, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces(marked, names)) {
            out.append(piece.variable() ? values.getOrDefault(piece.text(), "") : piece.text());
        }
        return out.toString();
    }
}
