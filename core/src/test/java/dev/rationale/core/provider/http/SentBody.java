// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** What a provider sent a {@link MockWebServer} for one streamed request, for tests that compare whole bodies. */
public final class SentBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SentBody() {
    }

    /**
     * Streams {@code request} to its end against {@code server}, which has its reply queued, checks that the reply
     * came through as {@code replyText}, and returns the JSON body of the request, which must have gone to
     * {@code path}.
     */
    public static JsonNode of(MockWebServer server, CompletionProvider provider, CompletionRequest request, String path,
            String replyText) throws InterruptedException, IOException {
        RecordingListener listener = new RecordingListener();
        provider.stream(request, listener);
        assertThat(listener.await().first().text()).isEqualTo(replyText);
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return JSON.readTree(recorded.getBody().utf8());
    }
}
