// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayList;
import dev.rationale.core.provider.Tokenizer;
import java.util.List;
import java.util.Optional;

/**
 * The one shape of every HTTP backend: the request is checked against the protocol's capabilities, the protocol
 * builds the HTTP request and its notices, and {@link StreamingCall} runs it with the protocol's reader, so the
 * event contract of {@link CompletionProvider#stream} holds alike everywhere. A backend's provider class extends this
 * with its constructors and its {@link HttpProtocol}, nothing more. Thread-safe when the protocol is.
 */
public abstract class HttpProvider implements CompletionProvider {

    private final ProviderKind kind;
    private final HttpEndpoint endpoint;
    private final HttpProtocol protocol;

    protected HttpProvider(ProviderKind kind, HttpProtocol protocol) {
        this.kind = kind;
        this.endpoint = protocol.endpoint();
        this.protocol = protocol;
    }

    @Override
    public final ProviderKind kind() {
        return kind;
    }

    @Override
    public final Capabilities capabilities() {
        return protocol.capabilities();
    }

    @Override
    public final Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, protocol.capabilities(), endpoint.name());
        CompletionRequest sent = checked.request();
        List<String> notices = new ArrayList<>(checked.notices());
        notices.addAll(protocol.notices(sent));
        return StreamingCall.start(endpoint.client(), protocol.request(sent), endpoint.name(),
                new RequestCheck.Checked(sent, notices), protocol.reader(sent), listener);
    }

    @Override
    public final PromptIntake intake(String model) {
        return protocol.intake(model);
    }

    @Override
    public final Optional<Tokenizer> tokenizer() {
        return protocol.tokenizer();
    }

    @Override
    public final List<ModelInfo> listModels() {
        return protocol.listModels();
    }
}
