// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

/**
 * A backend's ability to continue a completion exactly from any of its tokens with another choice, by token id.
 * Reached through {@link CompletionProvider#brancher()}, present where {@link Capabilities#branching()} is true. The
 * threading and the event contract are those of {@link CompletionProvider#stream}.
 */
public interface Brancher {

    /**
     * Like {@link CompletionProvider#stream}, also reporting the token ids behind the events, which {@link #branch}
     * takes.
     */
    Cancellable stream(CompletionRequest request, CompletionListener listener, TokenIdListener ids);

    /**
     * Continues a completion of {@code request} from {@code branch.position()} with {@code branch.token()}. The
     * stream's first token is the chosen one, scored as the model saw it at that position (sampled, for a
     * {@link Branch#resample free branch}); splice the result after the original's first {@code position} tokens.
     * Every sample of {@code request} continues from the same evaluated prefix.
     *
     * @throws ProviderException UNSUPPORTED as {@link CompletionProvider#stream} does
     */
    Cancellable branch(CompletionRequest request, Branch branch, CompletionListener listener, TokenIdListener ids);
}
