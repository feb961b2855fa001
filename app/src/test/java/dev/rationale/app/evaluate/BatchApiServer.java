// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.compare.NoSecrets;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * OpenAI's Files and Batch APIs on a MockWebServer for Evaluate's "Run as batch": one batch at a time, in progress
 * until {@link #finish} (then completed, every request answered "The answer is 7.") or a cancel (then cancelled,
 * nothing answered).
 */
final class BatchApiServer extends Dispatcher implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final ProviderCache providers = new ProviderCache(new ProviderFactory(HttpClients.create(),
            new KeyResolver(new NoSecrets(), name -> null)));
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    volatile boolean finish;
    private final List<String> customIds = new ArrayList<>();

    static BatchApiServer started() throws IOException {
        BatchApiServer api = new BatchApiServer();
        api.server.setDispatcher(api);
        api.server.start();
        return api;
    }

    Endpoint endpoint() {
        return new Endpoint("batched", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (path.equals("/v1/files")) {
            customIds.clear();
            for (String line : body.split("\r?\n")) {
                int at = line.indexOf("\"custom_id\":\"");
                if (at >= 0) {
                    int from = at + "\"custom_id\":\"".length();
                    customIds.add(line.substring(from, line.indexOf('"', from)));
                }
            }
            return json("{\"id\":\"file-in\",\"object\":\"file\"}");
        }
        if (path.equals("/v1/batches")) {
            return json("{\"id\":\"batch_" + created.getAndIncrement() + "\",\"status\":\"validating\"}");
        }
        if (path.endsWith("/cancel")) {
            cancels.incrementAndGet();
            return json("{\"id\":\"batch_0\",\"status\":\"cancelling\"}");
        }
        if (path.startsWith("/v1/batches/")) {
            String id = path.substring("/v1/batches/".length());
            String status = cancels.get() > 0 ? "cancelled" : finish ? "completed" : "in_progress";
            return json("{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"output_file_id\":\"file-out\","
                    + "\"request_counts\":{\"total\":" + customIds.size() + ",\"completed\":0,\"failed\":0}}");
        }
        if (path.equals("/v1/files/file-out/content")) {
            StringBuilder lines = new StringBuilder();
            for (String id : cancels.get() > 0 ? List.<String>of() : customIds) {
                lines.append("{\"custom_id\":\"").append(id).append("\",\"response\":{\"status_code\":200,\"body\":"
                        + "{\"object\":\"chat.completion\",\"model\":\"mock\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"The answer is 7.\"},\"finish_reason\":\"stop\"}]}},"
                        + "\"error\":null}\n");
            }
            return new MockResponse.Builder().body(lines.toString()).build();
        }
        return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no " + path + "\"}}").build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        providers.close();
        server.close();
    }
}
