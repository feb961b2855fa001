// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;

/**
 * What one HTTP backend's wire protocol adds to the shared {@link HttpProvider}: what it can do, the request for a
 * completion, the reader of its stream, its model list and how it takes prompts, all against one
 * {@link HttpEndpoint}. Each backend has one, next to its wire code; the provider class only names it.
 * Implementations are thread-safe.
 */
public abstract class HttpProtocol {

    /** Where the backend is; every request goes through it. */
    protected final HttpEndpoint endpoint;
    private final Capabilities capabilities;

    protected HttpProtocol(HttpEndpoint endpoint, Capabilities capabilities) {
        this.endpoint = endpoint;
        this.capabilities = capabilities;
    }

    /** What the backend can do; requests are checked against it before {@link #request} sees them. */
    public final Capabilities capabilities() {
        return capabilities;
    }

    /** Where the backend is, and how messages name it. */
    public final HttpEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The streaming request for {@code sent}, which has passed the capability check.
     *
     * @throws ProviderException UNSUPPORTED for a request the wire cannot carry
     */
    public abstract Request request(CompletionRequest sent);

    /** What the request body leaves out or changes from {@code sent}, said to the listener first. */
    public List<String> notices(CompletionRequest sent) {
        return List.of();
    }

    /** The reader of the answer to {@code sent}: a new one per call, since readers keep the stream's state. */
    public abstract StreamingCall.BodyHandler reader(CompletionRequest sent);

    /** The backend's models; blocks. See {@link dev.rationale.core.provider.CompletionProvider#listModels}. */
    public abstract List<ModelInfo> listModels();

    /** How the backend takes prompts for {@code model}; may block. See the {@code CompletionProvider} method. */
    public abstract PromptIntake intake(String model);

    /** The server's own tokenizer, for exact prompt counts; empty where the protocol has none. */
    public Optional<Tokenizer> tokenizer() {
        return Optional.empty();
    }
}
