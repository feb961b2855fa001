// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptShape;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One prompt before it is shaped for a backend: the filled pieces of a variant for one case (system text,
 * instruction, exemplars, question, cue and trigger), or a plain text typed by the user. It can be laid out as the
 * variant's author wrote it ({@link #asWritten}), as raw text ({@link #text}) or as chat messages ({@link #chat});
 * {@link PromptShaper} picks which for a backend and model. Immutable.
 */
public final class PromptDraft {

    /** One exemplar: its input as the template writes it, and its output (rationale and answer). */
    record Shot(String input, String output) {
    }

    private final @Nullable PromptShape written;
    private final ChatLayout layout;
    private final @Nullable String system;
    private final @Nullable String instruction;
    private final List<Shot> shots;
    private final String question;
    private final String cue;
    private final String trigger;
    private final String separator;

    PromptDraft(@Nullable PromptShape written, ChatLayout layout, @Nullable String system, @Nullable String instruction,
            List<Shot> shots, String question, String cue, String trigger, String separator) {
        this.written = written;
        this.layout = layout;
        this.system = system;
        this.instruction = instruction;
        this.shots = List.copyOf(shots);
        this.question = question;
        this.cue = cue;
        this.trigger = trigger;
        this.separator = separator;
    }

    /** A prompt typed as it is ({@code rationale run --prompt}): raw text, or one user message. */
    public static PromptDraft plain(String text) {
        return new PromptDraft(null, ChatLayout.MULTI_TURN, null, null, List.of(), text, "", "", "");
    }

    /** What the prompt asks without its exemplars: the instruction and the case's input, for a judge to read. */
    public String asked() {
        return instruction == null || instruction.isBlank() ? question : instruction + "\n\n" + question;
    }

    /** The shape the variant is written in; null for a plain prompt, which has no preference. */
    public @Nullable PromptShape written() {
        return written;
    }

    /** How the variant lays itself out as chat when written as raw text (its {@code chatLayout}). */
    public ChatLayout layout() {
        return layout;
    }

    /** Whether this is a plain prompt rather than a variant's. */
    public boolean isPlain() {
        return written == null;
    }

    /** The prompt in the shape its variant is written in (a plain prompt: as raw text). */
    public RenderedPrompt asWritten() {
        return written == PromptShape.CHAT ? writtenChat() : text();
    }

    /**
     * The raw-text layout: system text, instruction, each exemplar as input, cue and output, then the question and
     * the cue (and trigger), blocks joined by the template's separator. The prompt ends right after the cue so that
     * the model's first token brings its own leading space.
     */
    public RenderedPrompt.Text text() {
        if (isPlain()) {
            return new RenderedPrompt.Text(question);
        }
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, system);
        addIfPresent(parts, instruction);
        for (Shot shot : shots) {
            parts.add(shot.input() + "\n" + (cue.isEmpty() ? shot.output() : cue + " " + shot.output()));
        }
        String open = question + "\n" + cue;
        if (!trigger.isEmpty()) {
            open = cue.isEmpty() ? open + trigger : open + " " + trigger;
        }
        parts.add(open);
        return new RenderedPrompt.Text(String.join(separator, parts));
    }

    /**
     * Chat messages. A variant written as chat gives its own messages whatever the layout; one written as raw text
     * is laid out by {@code layout}; a plain prompt is one user message.
     *
     * @param systemRole whether the backend takes a system message; without, the system text opens the first user
     *     message
     * @param prefill whether the backend continues a last assistant message; with it, a multi-turn layout's cue or
     *     trigger starts the reply instead of ending the question
     */
    public RenderedPrompt.Chat chat(ChatLayout layout, boolean systemRole, boolean prefill) {
        List<ChatMessage> messages;
        if (isPlain()) {
            messages = List.of(ChatMessage.user(question));
        } else if (written == PromptShape.CHAT) {
            messages = writtenChat().messages();
        } else if (layout == ChatLayout.SINGLE_MESSAGE) {
            messages = List.of(ChatMessage.user(text().prompt()));
        } else {
            messages = multiTurn(prefill);
        }
        return new RenderedPrompt.Chat(systemRole ? messages : withoutSystem(messages));
    }

    private RenderedPrompt.Chat writtenChat() {
        List<ChatMessage> messages = opening();
        messages.add(ChatMessage.user(trigger.isEmpty() ? question : question + "\n\n" + trigger));
        return new RenderedPrompt.Chat(messages);
    }

    private List<ChatMessage> multiTurn(boolean prefill) {
        List<ChatMessage> messages = opening();
        String reply = cue.isEmpty() ? trigger : trigger.isEmpty() ? cue : cue + " " + trigger;
        // Anthropic refuses a prefilled reply that ends in whitespace; no model needs it.
        reply = reply.stripTrailing();
        if (reply.isEmpty()) {
            messages.add(ChatMessage.user(question));
        } else if (prefill) {
            messages.add(ChatMessage.user(question));
            messages.add(ChatMessage.assistant(reply));
        } else {
            messages.add(ChatMessage.user(question + "\n" + reply));
        }
        return messages;
    }

    // The system message (variant's system text and the instruction) and the exemplars' turns.
    private List<ChatMessage> opening() {
        List<ChatMessage> messages = new ArrayList<>();
        List<String> systemParts = new ArrayList<>();
        addIfPresent(systemParts, system);
        addIfPresent(systemParts, instruction);
        if (!systemParts.isEmpty()) {
            messages.add(ChatMessage.system(String.join("\n\n", systemParts)));
        }
        for (Shot shot : shots) {
            messages.add(ChatMessage.user(shot.input()));
            messages.add(ChatMessage.assistant(shot.output()));
        }
        return messages;
    }

    private static List<ChatMessage> withoutSystem(List<ChatMessage> messages) {
        if (messages.isEmpty() || messages.getFirst().role() != ChatRole.SYSTEM) {
            return messages;
        }
        List<ChatMessage> rest = new ArrayList<>(messages.subList(1, messages.size()));
        String system = messages.getFirst().content();
        if (!rest.isEmpty() && rest.getFirst().role() == ChatRole.USER) {
            rest.set(0, ChatMessage.user(system + "\n\n" + rest.getFirst().content()));
        } else {
            rest.addFirst(ChatMessage.user(system));
        }
        return rest;
    }

    private static void addIfPresent(List<String> parts, @Nullable String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part);
        }
    }
}
