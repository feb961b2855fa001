// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.Brancher;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.TokenIds;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Continues a completion from one of its tokens with another choice: the answer keeps its first {@code position}
 * tokens, takes the chosen alternative at {@code position}, and goes on from there. On the embedded engine this
 * is exact and reuses its cache ({@link CompletionProvider#brancher()}); on a backend that takes raw text prompts, the
 * prompt plus the kept tokens plus the alternative is sent as a new prompt. Either way the stream's first token
 * is the chosen alternative, scored as the original saw it, so the caller puts the kept tokens in front and has
 * the whole branched answer. Chat prompts branch only on the embedded engine.
 */
public final class Branching {

    /**
     * Where to branch.
     *
     * @param kept the original's first {@code position} tokens
     * @param original the token the original generated at {@code position}
     * @param alternative the index of the chosen alternative in {@code original.top()}
     * @param ids the original's token ids when it ran on the embedded engine with a {@link TokenIdRecorder};
     *     null otherwise
     */
    public record Point(List<ScoredToken> kept, ScoredToken original, int alternative, @Nullable List<TokenIds> ids) {
        public Point {
            kept = List.copyOf(kept);
            if (alternative < 0 || alternative >= original.top().size()) {
                throw new IllegalArgumentException("alternative " + alternative + " is not among the token's "
                        + original.top().size());
            }
        }

        public TokenAlternative chosen() {
            return original.top().get(alternative);
        }
    }

    private Branching() {
    }

    /** Whether {@code request} on {@code provider} can branch, given the ids recorded (or not) for it. */
    public static boolean supported(CompletionProvider provider, CompletionRequest request, boolean haveIds) {
        if (provider.brancher().isPresent() && haveIds) {
            return true;
        }
        return request.prompt() instanceof RenderedPrompt.Text && provider.capabilities().rawText();
    }

    /**
     * Starts the branch; events go to {@code listener} as for {@link CompletionProvider#stream}.
     *
     * @param ids where the branch's own token ids go, so it can be branched again (embedded only)
     * @throws ProviderException UNSUPPORTED when the backend cannot branch this request
     */
    public static Cancellable start(CompletionProvider provider, CompletionRequest request, Point point,
            CompletionListener listener, TokenIdListener ids) {
        int position = point.kept().size();
        Brancher brancher = provider.brancher().orElse(null);
        if (brancher != null && point.ids() != null && point.ids().size() > position) {
            List<Integer> generated = point.ids().stream().map(TokenIds::id).toList();
            int token = point.ids().get(position).alternatives().get(point.alternative());
            return brancher.branch(request, new Branch(generated, position, token), listener, ids);
        }
        if (!(request.prompt() instanceof RenderedPrompt.Text text) || !provider.capabilities().rawText()) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "branching needs the embedded engine "
                    + "or a raw text prompt on a backend that takes one; use a variant with shape \"text\"");
        }
        StringBuilder prefix = new StringBuilder(text.prompt());
        point.kept().forEach(token -> prefix.append(token.text()));
        TokenAlternative chosen = point.chosen();
        prefix.append(chosen.text());
        Integer maxTokens = request.maxTokens();
        CompletionRequest continued = request.withPrompt(new RenderedPrompt.Text(prefix.toString()))
                .withMaxTokens(maxTokens == null ? null : Math.max(1, maxTokens - position - 1));
        ScoredToken first = new ScoredToken(chosen.text(), List.of(), chosen.logprob(), point.original().top());
        CompletionListener withChosenFirst = new CompletionListener() {
            private boolean sent;

            @Override
            public void onEvent(CompletionEvent event) {
                if (!sent && !(event instanceof CompletionEvent.Notice)) {
                    sent = true;
                    listener.onEvent(new CompletionEvent.TextDelta(0, chosen.text()));
                    if (request.logprobs()) {
                        listener.onEvent(new CompletionEvent.TokensScored(0, List.of(first)));
                    }
                }
                listener.onEvent(event);
            }
        };
        return provider.stream(continued, withChosenFirst);
    }
}
