// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.RetryInterceptor;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Looks for model servers already running on this machine, so that first run can offer them before a download:
 * Ollama ({@code GET /api/version}) and llama.cpp's server ({@code GET /health}, then {@code GET /v1/models} for
 * the loaded model). A llama.cpp server that answers 503 while it loads its model is listed as loading.
 *
 * <p>Nothing listening, or something that does not answer like these servers, is simply not listed: on most
 * machines that is the normal case, not an error (the reason is logged at DEBUG). {@link #probe()} blocks for up
 * to about a second per server when a port swallows packets, far less when it refuses; call it off the UI thread.
 * Instances are immutable and may be shared between threads.
 */
public final class LocalServerProbe {

    public static final String OLLAMA_BASE_URL = "http://127.0.0.1:11434";
    public static final String LLAMA_CPP_BASE_URL = "http://127.0.0.1:8080";
    /** Connect and read timeout: a local server answers these requests in milliseconds. */
    public static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final System.Logger LOG = System.getLogger(LocalServerProbe.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BODY_LIMIT = 16 * 1024;

    private final OkHttpClient client;
    private final BaseUrl ollama;
    private final BaseUrl llamaCpp;

    /** Probes the servers' default ports on 127.0.0.1. */
    public LocalServerProbe(OkHttpClient shared) {
        this(shared, OLLAMA_BASE_URL, LLAMA_CPP_BASE_URL);
    }

    /**
     * @param shared the application's client; the probe derives a variant with short timeouts and no retries
     * @throws IllegalArgumentException when a base URL is not an http(s) URL
     */
    public LocalServerProbe(OkHttpClient shared, String ollamaBaseUrl, String llamaCppBaseUrl) {
        OkHttpClient.Builder builder = shared.newBuilder().connectTimeout(TIMEOUT).readTimeout(TIMEOUT)
                .callTimeout(TIMEOUT.multipliedBy(3));
        // Retrying a refused connection with back-off would turn "nothing there" into seconds of waiting.
        builder.interceptors().removeIf(RetryInterceptor.class::isInstance);
        this.client = builder.build();
        this.ollama = BaseUrl.of(ollamaBaseUrl);
        this.llamaCpp = BaseUrl.of(llamaCppBaseUrl);
    }

    /** The servers that answered, Ollama first; empty when none did. Blocks; never throws for an absent server. */
    public List<DetectedServer> probe() {
        List<DetectedServer> found = new ArrayList<>();
        probeOllama().ifPresent(found::add);
        probeLlamaCpp().ifPresent(found::add);
        return List.copyOf(found);
    }

    private Optional<DetectedServer> probeOllama() {
        Answer answer = get(ollama, "/api/version");
        JsonNode version = answer.json().path("version");
        if (answer.status() != 200 || !version.isTextual()) {
            answer.logAbsent("Ollama", ollama);
            return Optional.empty();
        }
        return Optional.of(new DetectedServer(ProviderKind.OLLAMA, ollama.toString(), "Ollama " + version.asText()));
    }

    private Optional<DetectedServer> probeLlamaCpp() {
        Answer health = get(llamaCpp, "/health");
        if (health.status() == 200 && "ok".equals(health.json().path("status").asText())) {
            String model = loadedModel();
            String description = model == null ? "llama.cpp server" : "llama.cpp server, model " + model;
            return Optional.of(new DetectedServer(ProviderKind.LLAMACPP, llamaCpp.toString(), description));
        }
        if (health.status() == 503 && isLoading(health.json())) {
            return Optional.of(new DetectedServer(ProviderKind.LLAMACPP, llamaCpp.toString(),
                    "llama.cpp server, still loading its model"));
        }
        health.logAbsent("llama.cpp", llamaCpp);
        return Optional.empty();
    }

    // Current servers answer {"error":{"message":"Loading model",...}}, older ones {"status":"loading model"}. Any
    // other 503 is not taken as llama.cpp: a generic "unavailable" says nothing about what is listening.
    private static boolean isLoading(JsonNode body) {
        String text = body.path("error").path("message").asText(body.path("status").asText(""));
        return text.toLowerCase(Locale.ROOT).contains("loading model");
    }

    private @Nullable String loadedModel() {
        JsonNode first = get(llamaCpp, "/v1/models").json().path("data").path(0).path("id");
        return first.isTextual() && !first.asText().isBlank() ? first.asText() : null;
    }

    /** What a GET returned: status 0 and a missing node when nothing usable came back. */
    private record Answer(int status, JsonNode json, String why) {
        static Answer none(String why) {
            return new Answer(0, JSON.missingNode(), why);
        }

        void logAbsent(String server, BaseUrl base) {
            LOG.log(Level.DEBUG, () -> "no " + server + " at " + base + ": "
                    + (status == 0 ? why : "HTTP " + status + " " + why));
        }
    }

    private Answer get(BaseUrl base, String path) {
        Request request = new Request.Builder().url(base.resolve(path)).build();
        try (Response response = client.newCall(request).execute()) {
            // Whatever listens on the port may not be a model server; a few KiB are all these answers need.
            String body = response.peekBody(BODY_LIMIT).string();
            return new Answer(response.code(), parse(body), abbreviate(body));
        } catch (IOException e) {
            return Answer.none(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
