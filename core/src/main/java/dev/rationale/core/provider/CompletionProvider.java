// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.Optional;

/**
 * A backend that generates completions, from chat messages or raw text as it takes them. Implementations are
 * thread-safe; one instance serves many requests.
 * {@link #stream} never blocks on I/O: it checks the request against {@link #capabilities()} (throwing
 * {@link ProviderException} of kind {@link ProviderException.Kind#UNSUPPORTED} before anything is sent) and
 * returns at once; events arrive on a provider thread.
 *
 * <p>What only some backends can do beyond streaming is reached through optional abilities, asked of the provider
 * and never of its class ({@link #brancher()}, {@link #tokenizer()}, {@link #likelihoodScorer()}, {@link #pool()}):
 * each is empty by default, and a backend that has the ability returns it. A caller branches on the
 * {@link Optional}, so a new backend with the ability needs no change in its callers, and no caller casts to a
 * concrete provider.
 */
public interface CompletionProvider {

    ProviderKind kind();

    /** What this backend can do; may depend on the endpoint's configuration, never on a network call. */
    Capabilities capabilities();

    /**
     * How this backend takes prompts for {@code model}: chat, raw text or both, and whether the model has a chat
     * template. This default knows only the wire ({@link #capabilities()}); a backend that can ask about the model
     * overrides it, and may block doing so: call it off the UI thread.
     *
     * @throws ProviderException when the backend cannot be asked (unreachable, unknown model)
     */
    default PromptIntake intake(String model) {
        Capabilities can = capabilities();
        if (!can.rawText()) {
            return PromptIntake.chatOnly(kind().id(), model, false);
        }
        if (!can.chat()) {
            return PromptIntake.textOnly(kind().id(), model);
        }
        return new PromptIntake(kind().id(), model, true, true, true, false, PromptIntake.Template.UNKNOWN, null);
    }

    /** Starts a completion; events go to {@code listener}, ending with one Completed or Failed. */
    Cancellable stream(CompletionRequest request, CompletionListener listener);

    /**
     * The models the backend offers. Blocks; call it off the UI thread.
     *
     * @throws ProviderException when the backend cannot list them or is unreachable
     */
    List<ModelInfo> listModels();

    /** Exact continuation from any token by id; present where {@link Capabilities#branching()} is true. */
    default Optional<Brancher> brancher() {
        return Optional.empty();
    }

    /** The model's own tokenizer, for exact token counts; empty where only an estimate is possible. */
    default Optional<Tokenizer> tokenizer() {
        return Optional.empty();
    }

    /** Direct likelihood scoring of continuations; empty where scoring needs a completion request instead. */
    default Optional<LikelihoodScorer> likelihoodScorer() {
        return Optional.empty();
    }

    /** The members' health, for a provider that spreads requests over several servers; empty for one server. */
    default Optional<PoolHealth> pool() {
        return Optional.empty();
    }
}
