// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import dev.rationale.core.provider.batch.BatchState;
import dev.rationale.core.provider.batch.BatchStatus;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Gemini's batch mode with inline requests: each request is the {@code generateContent} body
 * {@link GeminiProvider} would stream, with its custom id as {@code metadata.key}; the answers come back in the
 * finished job itself ({@code response.inlinedResponses}), each a whole {@code GenerateContentResponse} read by
 * the same mapper as a stream chunk. Inline jobs hold at most 20 MB, so larger work is split into several jobs
 * rather than uploaded as a file (whose output format Google leaves unconfirmed). A job that expires (48 h) returns
 * nothing. Thread-safe.
 */
public final class GeminiBatchApi implements BatchApi {
    /** The inline form's 20 MB; Google states no request count for it. */
    public static final BatchLimits LIMITS = new BatchLimits(100_000, 20L * 1000 * 1000);

    static final String NAME = "Gemini Batch";

    private final HttpEndpoint endpoint;

    /** @param baseUrl up to and including the version, e.g. {@code https://generativelanguage.googleapis.com/v1beta} */
    public GeminiBatchApi(OkHttpClient client, String baseUrl) {
        this.endpoint = new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return GeminiProtocol.CAPABILITIES;
    }

    /** As the streaming API takes them. */
    @Override
    public PromptIntake intake(String model) {
        return GeminiProtocol.intake(NAME, model);
    }

    @Override
    public BatchLimits limits() {
        return LIMITS;
    }

    @Override
    public long size(BatchItem item) {
        // The request and the comma that parts it from the next.
        return JsonBody.length(request(item)) + 1;
    }

    private static ObjectNode request(BatchItem item) {
        CompletionRequest sent = RequestCheck.check(item.request(), GeminiProtocol.CAPABILITIES, NAME).request();
        ObjectNode request = WireJson.MAPPER.createObjectNode();
        request.set("request", GeminiRequests.body(sent));
        request.putObject("metadata").put("key", item.customId());
        return request;
    }

    @Override
    public String submit(String model, List<BatchItem> items) {
        ObjectNode body = WireJson.MAPPER.createObjectNode();
        ObjectNode batch = body.putObject("batch");
        batch.put("display_name", "rationale " + model + " " + items.size() + " requests");
        ArrayNode requests = batch.putObject("input_config").putObject("requests").putArray("requests");
        items.forEach(item -> requests.add(request(item)));
        JsonNode operation = endpoint.json(endpoint.post(GeminiRequests.batchPath(model), body).build());
        String name = operation.path("name").asText("");
        if (!name.startsWith("batches/")) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, NAME
                    + ": the reply names no batch (\"" + name + "\")");
        }
        return name;
    }

    @Override
    public BatchStatus poll(String batchId) {
        return status(batchId, job(batchId));
    }

    private JsonNode job(String batchId) {
        return endpoint.getJson("/" + batchId);
    }

    static BatchStatus status(String batchId, JsonNode job) {
        JsonNode metadata = job.path("metadata");
        String word = metadata.path("state").asText("");
        // REST says BATCH_STATE_*, the docs and SDKs JOB_STATE_*: the same states.
        BatchState state = switch (word.replaceFirst("^(BATCH|JOB)_STATE_", "")) {
            case "PENDING", "QUEUED", "UNSPECIFIED" -> BatchState.PENDING;
            case "RUNNING" -> BatchState.RUNNING;
            case "CANCELLING" -> BatchState.CANCELLING;
            case "SUCCEEDED" -> BatchState.COMPLETED;
            case "FAILED" -> BatchState.FAILED;
            case "CANCELLED" -> BatchState.CANCELLED;
            case "EXPIRED" -> BatchState.EXPIRED;
            default -> throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, NAME
                    + ": a batch in the unknown state \"" + word + "\"");
        };
        JsonNode stats = metadata.path("batchStats");
        int succeeded = stats.path("successfulRequestCount").asInt(0);
        int failed = stats.path("failedRequestCount").asInt(0);
        String detail = job.path("error").isObject() ? job.path("error").path("message").asText(null) : null;
        return new BatchStatus(batchId, state, word, stats.path("requestCount").asInt(0), succeeded + failed, failed,
                detail);
    }

    @Override
    public void cancel(String batchId) {
        endpoint.json(endpoint.post("/" + batchId + ":cancel", WireJson.MAPPER.createObjectNode()).build());
    }

    @Override
    public void results(String batchId, Function<String, @Nullable CompletionRequest> requests,
            Consumer<BatchAnswer> answers) {
        JsonNode job = job(batchId);
        JsonNode inlined = job.path("response").path("inlinedResponses").path("inlinedResponses");
        if (inlined.isMissingNode()) {
            inlined = job.path("metadata").path("output").path("inlinedResponses").path("inlinedResponses");
        }
        for (JsonNode each : inlined) {
            String customId = each.path("metadata").path("key").asText("");
            CompletionRequest request = requests.apply(customId);
            if (request != null) {
                answers.accept(answer(customId, each, request));
            }
        }
    }

    private static BatchAnswer answer(String customId, JsonNode each, CompletionRequest request) {
        try {
            if (each.path("error").isObject()) {
                ObjectNode wrapped = WireJson.MAPPER.createObjectNode();
                wrapped.set("error", each.path("error"));
                throw GeminiErrors.fromBody(wrapped, null);
            }
            GeminiStreamMapper mapper = new GeminiStreamMapper(request.samples());
            CompletionCollector collector = new CompletionCollector(request.samples());
            mapper.onData(each.path("response").toString()).forEach(collector::onEvent);
            return BatchAnswer.answered(customId, collector.result());
        } catch (ProviderException e) {
            return BatchAnswer.failed(customId, e.kind(), String.valueOf(e.getMessage()));
        }
    }
}
