// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.exchange.NunjucksText.Piece;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a promptfoo chat prompt (a list of messages with {@code {{ name }}} variables) into a chat variant that
 * renders the same messages: a first system message becomes the variant's system text (or its instruction when it
 * uses variables), the last user message its input template, and each user/assistant pair before it an exemplar
 * whose inputs are read back out of the user text by the input template and whose answer is the assistant text.
 */
final class ChatPromptReader {
    /** The variant and the exemplars it names. */
    record ChatVariant(Variant variant, List<Exemplar> exemplars) {
    }

    private ChatPromptReader() {
    }

    static Optional<ChatVariant> read(String id, String label, List<ChatMessage> messages, List<String> notMapped) {
        String where = "prompt \"" + label + "\": ";
        List<ChatMessage> rest = new ArrayList<>(messages);
        @Nullable String system = null;
        @Nullable String instruction = null;
        if (!rest.isEmpty() && rest.getFirst().role() == ChatRole.SYSTEM) {
            List<Piece> pieces = PromptTexts.pieces(rest.removeFirst().content(), where, notMapped).orElse(null);
            if (pieces == null) {
                return Optional.empty();
            }
            if (pieces.stream().anyMatch(Piece::variable)) {
                instruction = PromptTexts.mustache(pieces);
            } else {
                system = PromptTexts.literal(pieces);
            }
        }
        if (rest.isEmpty() || rest.getLast().role() != ChatRole.USER || rest.size() % 2 != 1) {
            notMapped.add(where + "the messages are not [system], then user/assistant pairs, then a user message");
            return Optional.empty();
        }
        List<Piece> input = PromptTexts.pieces(rest.removeLast().content(), where, notMapped).orElse(null);
        if (input == null) {
            return Optional.empty();
        }
        List<Exemplar> exemplars = new ArrayList<>();
        for (int i = 0; i < rest.size(); i += 2) {
            if (rest.get(i).role() != ChatRole.USER || rest.get(i + 1).role() != ChatRole.ASSISTANT) {
                notMapped.add(where + "message " + (i + 1) + " is not a user message followed by an answer");
                return Optional.empty();
            }
            Optional<Map<String, String>> inputs = inputsOf(input, rest.get(i).content());
            if (inputs.isEmpty()) {
                notMapped.add(where + "the user message of example " + (i / 2 + 1)
                        + " does not fit the layout of the last user message, so it cannot be an exemplar");
                return Optional.empty();
            }
            exemplars.add(new Exemplar(id + "-" + (i / 2 + 1), inputs.get(), null, rest.get(i + 1).content(),
                    null));
        }
        PromptTemplate template = new PromptTemplate(instruction, PromptTexts.mustache(input), null,
                exemplars.isEmpty() ? null : "{{answer}}", null);
        Variant variant = new Variant(id, label, exemplars.isEmpty() ? 0 : null,
                exemplars.stream().map(Exemplar::id).toList(), null, null, null, null,
                PromptShape.CHAT, system, template, null, null);
        return Optional.of(new ChatVariant(variant, exemplars));
    }

    // The user text is matched against the template with each variable as a lazy group; the same name twice must
    // hold the same text. Lazy groups give the shortest values, which is what a re-render checks against anyway.
    private static Optional<Map<String, String>> inputsOf(List<Piece> template, String text) {
        StringBuilder regex = new StringBuilder();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Piece piece : template) {
            if (!piece.variable()) {
                regex.append(Pattern.quote(piece.text()));
            } else if (groups.containsKey(piece.text())) {
                regex.append("\\").append(groups.get(piece.text()));
            } else {
                groups.put(piece.text(), groups.size() + 1);
                regex.append("([\\s\\S]*?)");
            }
        }
        Matcher matcher = Pattern.compile(regex.toString()).matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        groups.forEach((name, group) -> inputs.put(name, matcher.group(group)));
        return Optional.of(inputs);
    }
}
