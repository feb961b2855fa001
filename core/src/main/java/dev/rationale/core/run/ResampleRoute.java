// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one backend continues an answer from one point (see {@link Resampler}).
 *
 * @param kind which of the ways
 * @param request what is sent for each continuation (for {@link Kind#ENGINE}, with the branch)
 * @param branch the free branch the embedded engine continues from; null for the other kinds
 * @param before the text the continuations follow: the point's, without trailing blanks for a prefilled reply
 */
public record ResampleRoute(Kind kind, CompletionRequest request, @Nullable Branch branch, String before) {

    /** The ways to continue from a point. */
    public enum Kind {
        /** The embedded engine, from its cache of the prompt and the kept tokens. */
        ENGINE("the embedded engine continues from its cache of the prompt and the kept tokens"),
        /** The prompt plus the text before the point, as a new raw text prompt. */
        TEXT_PROMPT("the prompt and the text before the point are sent as one raw text prompt"),
        /** The text before the point as a prefilled assistant reply. */
        PREFILL("the text before the point is sent as the start of the assistant's reply");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** One line for people, e.g. in the CLI's output. */
        public String description() {
            return description;
        }
    }

    /**
     * The route for {@code request} on {@code provider} from {@code point}. Asking whether a chat backend takes a
     * prefilled reply may call the backend (the first time): call it off the UI thread.
     *
     * @throws ProviderException UNSUPPORTED when the backend cannot continue from a point, naming why and what can
     */
    public static ResampleRoute of(CompletionProvider provider, CompletionRequest request, ResamplePoint point) {
        // The continuation writes what the answer wrote from the point on, within the same limit.
        CompletionRequest shorter = request.maxTokens() == null || point.position() < 0 ? request
                : request.withMaxTokens(Math.max(1, request.maxTokens() - point.position()));
        List<TokenIds> ids = point.ids();
        if (provider.brancher().isPresent() && point.exact() && ids != null) {
            List<Integer> generated = ids.stream().map(TokenIds::id).toList();
            return new ResampleRoute(Kind.ENGINE, shorter, Branch.resample(generated, point.position()),
                    point.before());
        }
        if (request.prompt() instanceof RenderedPrompt.Text text && provider.capabilities().rawText()) {
            return new ResampleRoute(Kind.TEXT_PROMPT,
                    shorter.withPrompt(new RenderedPrompt.Text(text.prompt() + point.before())), null, point.before());
        }
        if (request.prompt() instanceof RenderedPrompt.Chat chat && provider.capabilities().chat()) {
            PromptIntake intake = provider.intake(request.model());
            if (intake.prefill()) {
                String reply = point.before().stripTrailing();
                return new ResampleRoute(Kind.PREFILL, shorter.withPrompt(prefilled(chat, reply)), null, reply);
            }
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, intake.backend() + " cannot continue an "
                    + "answer from a point: it takes chat messages and does not continue a begun assistant reply ("
                    + intake.model() + "). Resample on the embedded engine, a raw text endpoint, llama.cpp, Ollama "
                    + "or a Claude model that takes a prefill (4.5 or older).");
        }
        throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "this answer cannot be continued from a "
                + "point on " + provider.kind().id() + ": it needs the embedded engine with the answer's token ids, a "
                + "raw text prompt on a backend that takes one, or chat on a backend that continues a begun reply");
    }

    // The reply begun: after a reply the prompt itself began (a cue), or as a new assistant message.
    private static RenderedPrompt.Chat prefilled(RenderedPrompt.Chat chat, String reply) {
        List<ChatMessage> messages = new ArrayList<>(chat.messages());
        ChatMessage last = messages.getLast();
        if (last.role() == ChatRole.ASSISTANT) {
            messages.set(messages.size() - 1, ChatMessage.assistant(last.content() + reply));
        } else if (!reply.isEmpty()) {
            messages.add(ChatMessage.assistant(reply));
        }
        return new RenderedPrompt.Chat(messages, chat.adaptation());
    }
}
