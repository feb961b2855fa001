// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ProviderException;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Where one HTTP backend is and how messages name it, with the requests every protocol builds from that: a path
 * under the {@link BaseUrl}, a JSON body in the {@link WireJson} mapping, a small answer read as a tree. Immutable
 * and thread-safe.
 *
 * @param client the endpoint's client, with its key added ({@code HttpClients.forEndpoint})
 * @param name how messages name the backend, e.g. {@code "Ollama"}
 */
public record HttpEndpoint(OkHttpClient client, BaseUrl baseUrl, String name) {

    /** A request to {@code pathAndQuery} (see {@link BaseUrl#resolve}), to finish with a method and headers. */
    public Request.Builder to(String pathAndQuery) {
        return new Request.Builder().url(baseUrl.resolve(pathAndQuery));
    }

    /** A POST of {@code body} as JSON to {@code path}. */
    public Request.Builder post(String path, Object body) {
        return to(path).post(JsonBody.of(WireJson.MAPPER, body));
    }

    /** A POST of {@code body} as JSON to {@code path}, answered as a server-sent event stream. */
    public Request.Builder postForEvents(String path, Object body) {
        return post(path, body).header("Accept", "text/event-stream");
    }

    /** As {@link #postForEvents(String, Object)}, for a body that writes its own JSON. */
    public Request.Builder postForEvents(String path, JsonBody.Written body) {
        return to(path).post(JsonBody.of(body)).header("Accept", "text/event-stream");
    }

    /** A POST of {@code body} as JSON to {@code path}, answered as newline-delimited JSON (Ollama's stream). */
    public Request.Builder postForLines(String path, Object body) {
        return post(path, body).header("Accept", "application/x-ndjson");
    }

    /**
     * Sends {@code request} and reads its answer as a JSON tree. Blocks; never on the UI thread.
     *
     * @throws ProviderException as {@link BlockingCall#execute} does
     */
    public JsonNode json(Request request) {
        return BlockingCall.execute(client, request, name, body -> WireJson.MAPPER.readTree(body.inputStream()));
    }

    /** {@link #json} of a GET of {@code pathAndQuery}. */
    public JsonNode getJson(String pathAndQuery) {
        return json(to(pathAndQuery).get().build());
    }
}
