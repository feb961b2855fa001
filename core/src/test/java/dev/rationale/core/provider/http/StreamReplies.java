// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Runs one canned stream reply through a provider, for the tests of what a broken reply turns into. */
public final class StreamReplies {

    private StreamReplies() {
    }

    /** Serves {@code body} labelled {@code contentType} and returns the run's result. */
    public static CompletionResult run(MockWebServer server, CompletionProvider provider, CompletionRequest request,
            String body, String contentType) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", contentType).body(body).build());
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        return listener.await();
    }

    /** The run's failure, checked to be MALFORMED_REPLY in words that name the provider and no Java type. */
    public static String malformed(CompletionResult result, String provider) {
        assertThat(result.failure()).as("failure").isNotNull();
        ProviderException error = result.failure();
        assertThat(error.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY);
        assertThat(error.getMessage()).startsWith(provider + ": ").doesNotContain("Exception", "java.", "`");
        return error.getMessage();
    }
}
