// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptShape;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides what goes on the wire for a prompt, a backend and a model, and says what it changed. The rules
 * ({@code docs/shapes.md}):
 * <ol>
 *   <li>A model known to have no chat template (a base model) gets raw text. A variant written as chat is sent in
 *       its raw-text layout, which every variant has, since both layouts come from the same task template.</li>
 *   <li>A model with a chat template gets chat: a raw-text variant is laid out as messages by its chat layout.
 *       Where the wire is raw text, the template turns the messages into text here.</li>
 *   <li>Where nothing is known of the template, a chat-only backend gets chat and a text-only backend gets raw
 *       text (a chat variant in its raw-text layout).</li>
 *   <li>A forced shape ({@code rationale run --text}/{@code --chat}) that cannot reach the model is refused,
 *       never replaced by something else.</li>
 * </ol>
 * Pure apart from the formatter, which may block (a server call): call it off the UI thread.
 */
public final class PromptShaper {

    private PromptShaper() {
    }

    /**
     * The prompt to send, with its {@link RenderedPrompt#adaptation() adaptation} line set when it differs from the
     * shape the variant is written in.
     *
     * @param override how a raw-text variant becomes chat messages, over the variant's own layout; null keeps it
     * @param force the shape the user demands, or null to decide by the rules
     * @throws RenderException when {@code force} cannot reach the model, naming the reason and the fix
     */
    public static RenderedPrompt shape(PromptDraft draft, PromptIntake intake, @Nullable ChatLayout override,
            @Nullable PromptShape force) {
        ChatLayout layout = override != null ? override : draft.layout();
        PromptShape wire = force != null ? checked(force, intake) : decide(draft, intake);
        if (wire == PromptShape.TEXT) {
            RenderedPrompt.Text text = draft.text();
            return draft.written() == PromptShape.CHAT ? text.withAdaptation(asTextReason(intake, force)) : text;
        }
        RenderedPrompt.Chat chat = draft.chat(layout, intake.systemRole(), intake.prefill());
        List<String> notes = new ArrayList<>();
        if (draft.written() == PromptShape.TEXT) {
            notes.add(chatNote(chat, layout));
        }
        if (intake.chat()) {
            return chat.withAdaptation(String.join("; ", notes));
        }
        notes.add("formatted by " + intake.model() + "'s chat template");
        return new RenderedPrompt.Text(format(chat, intake), String.join("; ", notes));
    }

    private static PromptShape decide(PromptDraft draft, PromptIntake intake) {
        return switch (intake.template()) {
            case ABSENT -> PromptShape.TEXT;
            case PRESENT -> PromptShape.CHAT;
            case UNKNOWN -> {
                if (!intake.text()) {
                    yield PromptShape.CHAT;
                }
                if (!intake.takesChat()) {
                    yield PromptShape.TEXT;
                }
                yield draft.written() == null ? PromptShape.TEXT : draft.written();
            }
        };
    }

    private static PromptShape checked(PromptShape force, PromptIntake intake) {
        if (force == PromptShape.TEXT && !intake.text()) {
            throw new RenderException(intake.backend() + " takes chat messages only, so raw text cannot be sent; "
                    + "leave out --text");
        }
        if (force == PromptShape.CHAT && intake.template() == PromptIntake.Template.ABSENT) {
            throw new RenderException(intake.model() + " has no chat template (a base model), so it cannot take chat "
                    + "messages; leave out --chat to send raw text, or pick a model with a chat template");
        }
        if (force == PromptShape.CHAT && !intake.takesChat()) {
            throw new RenderException(intake.backend() + " takes raw text only and " + intake.model()
                    + "'s chat template is not known here; leave out --chat to send raw text, or use a chat endpoint");
        }
        return force;
    }

    private static String asTextReason(PromptIntake intake, @Nullable PromptShape force) {
        String why;
        if (intake.template() == PromptIntake.Template.ABSENT) {
            why = intake.model() + " has no chat template";
        } else if (force == PromptShape.TEXT && intake.takesChat()) {
            // The backend would have taken the chat messages: the user's --text is the only reason.
            why = "raw text was asked for (--text)";
        } else {
            why = intake.backend() + " takes raw text only";
        }
        return "sent as raw text in the variant's text layout: " + why;
    }

    // Only a multi-turn layout ends with an assistant message: the reply begun for the model.
    private static String chatNote(RenderedPrompt.Chat chat, ChatLayout layout) {
        int count = chat.messages().size();
        String note = "sent as " + count + (count == 1 ? " chat message: " : " chat messages: ")
                + layout.description();
        ChatMessage last = chat.messages().getLast();
        if (last.role() == ChatRole.ASSISTANT) {
            note += ", the reply starts with \"" + last.content() + "\"";
        }
        return note;
    }

    // A last assistant message is a reply begun for the model: the template opens the reply, the text follows.
    private static String format(RenderedPrompt.Chat chat, PromptIntake intake) {
        ChatFormatter formatter = intake.formatter();
        if (formatter == null) {
            throw new IllegalStateException("a text backend with a chat template needs a formatter");
        }
        List<ChatMessage> messages = chat.messages();
        ChatMessage last = messages.getLast();
        if (last.role() != ChatRole.ASSISTANT) {
            return formatter.format(messages);
        }
        return formatter.format(messages.subList(0, messages.size() - 1)) + last.content();
    }
}
