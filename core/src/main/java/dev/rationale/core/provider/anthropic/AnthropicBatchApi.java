// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import dev.rationale.core.provider.batch.BatchState;
import dev.rationale.core.provider.batch.BatchStatus;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's Message Batches: the requests go inline in one create call, each {@code params} the Messages body
 * {@link AnthropicProvider} would stream, without {@code stream}; the results are read from the batch's
 * {@code results_url} once it has ended, a JSONL line per request: {@code succeeded} with the message,
 * {@code errored}, {@code canceled} or {@code expired}. A succeeded message is read by the same mapper as a
 * stream, so its text, thinking, stop reason and usage come out alike. Thread-safe.
 */
public final class AnthropicBatchApi implements BatchApi {
    /** 100,000 requests or 256 MB of create body per batch. */
    public static final BatchLimits LIMITS = new BatchLimits(100_000, 256L * 1024 * 1024);

    static final String NAME = "Anthropic Message Batches";
    private static final String PATH = "/v1/messages/batches";

    private final HttpEndpoint endpoint;

    /** @param baseUrl the API's root without its version, e.g. {@code https://api.anthropic.com} */
    public AnthropicBatchApi(OkHttpClient client, String baseUrl) {
        this.endpoint = new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return AnthropicProtocol.CAPABILITIES;
    }

    /** As the streaming API takes them. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.chatOnly(NAME, model, AnthropicPrefill.accepted(model));
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
        CompletionRequest sent = RequestCheck.check(item.request(), AnthropicProtocol.CAPABILITIES, NAME).request();
        ObjectNode params = AnthropicRequests.body(sent);
        params.remove("stream");
        ObjectNode request = WireJson.MAPPER.createObjectNode();
        request.put("custom_id", item.customId());
        request.set("params", params);
        return request;
    }

    @Override
    public String submit(String model, List<BatchItem> items) {
        ObjectNode body = WireJson.MAPPER.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        items.forEach(item -> requests.add(request(item)));
        JsonNode batch = endpoint.json(versioned(endpoint.post(PATH, body)));
        String id = batch.path("id").asText("");
        if (id.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, NAME + ": the reply has no \"id\"");
        }
        return id;
    }

    @Override
    public BatchStatus poll(String batchId) {
        return status(batch(batchId));
    }

    private JsonNode batch(String batchId) {
        return endpoint.json(versioned(endpoint.to(PATH + "/" + batchId).get()));
    }

    static BatchStatus status(JsonNode batch) {
        String word = batch.path("processing_status").asText("");
        JsonNode counts = batch.path("request_counts");
        int succeeded = counts.path("succeeded").asInt(0);
        int errored = counts.path("errored").asInt(0);
        int canceled = counts.path("canceled").asInt(0);
        int expired = counts.path("expired").asInt(0);
        int processing = counts.path("processing").asInt(0);
        int failed = errored + canceled + expired;
        boolean cancelAsked = !batch.path("cancel_initiated_at").isNull()
                && !batch.path("cancel_initiated_at").isMissingNode();
        BatchState state = switch (word) {
            case "in_progress" -> BatchState.RUNNING;
            case "canceling" -> BatchState.CANCELLING;
            // One word for every end: what happened is in the counts.
            case "ended" -> expired > 0 && succeeded + errored == 0 ? BatchState.EXPIRED
                    : cancelAsked ? BatchState.CANCELLED : BatchState.COMPLETED;
            default -> throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, NAME
                    + ": a batch in the unknown status \"" + word + "\"");
        };
        return new BatchStatus(batch.path("id").asText(""), state, word, processing + succeeded + failed,
                succeeded + failed, failed, null);
    }

    @Override
    public void cancel(String batchId) {
        endpoint.json(versioned(endpoint.post(PATH + "/" + batchId + "/cancel",
                WireJson.MAPPER.createObjectNode())));
    }

    @Override
    public void results(String batchId, Function<String, @Nullable CompletionRequest> requests,
            Consumer<BatchAnswer> answers) {
        String url = batch(batchId).path("results_url").asText("");
        HttpUrl resultsUrl = HttpUrl.parse(url);
        if (resultsUrl == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, NAME
                    + ": the ended batch has no results_url");
        }
        BlockingCall.execute(endpoint.client(), versioned(new Request.Builder().url(resultsUrl).get()), NAME,
                body -> {
                    for (String text = body.readUtf8Line(); text != null; text = body.readUtf8Line()) {
                        if (!text.isBlank()) {
                            JsonNode line = WireJson.MAPPER.readTree(text);
                            String customId = line.path("custom_id").asText("");
                            if (requests.apply(customId) != null) {
                                answers.accept(answer(customId, line.path("result")));
                            }
                        }
                    }
                    return null;
                });
    }

    static BatchAnswer answer(String customId, JsonNode result) {
        String type = result.path("type").asText("");
        return switch (type) {
            case "succeeded" -> {
                try {
                    yield BatchAnswer.answered(customId, message(result.path("message")));
                } catch (ProviderException e) {
                    yield BatchAnswer.failed(customId, e.kind(), String.valueOf(e.getMessage()));
                }
            }
            case "errored" -> {
                ProviderException failure = AnthropicErrors.fromBody(result.path("error"), null);
                yield BatchAnswer.failed(customId, failure.kind(), String.valueOf(failure.getMessage()));
            }
            case "canceled" -> BatchAnswer.failed(customId, ProviderException.Kind.INTERRUPTED, NAME
                    + ": canceled before it was answered");
            case "expired" -> BatchAnswer.failed(customId, ProviderException.Kind.TIMEOUT, NAME
                    + ": expired before it was answered (24 hours)");
            default -> BatchAnswer.failed(customId, ProviderException.Kind.MALFORMED_REPLY, NAME
                    + ": a result of the unknown type \"" + type + "\"");
        };
    }

    // A whole message told to the stream mapper as the events a stream of it would have had.
    private static CompletionResult message(JsonNode message) {
        AnthropicStreamMapper mapper = new AnthropicStreamMapper();
        List<CompletionEvent> events = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            ObjectNode start = WireJson.MAPPER.createObjectNode();
            start.set("content_block", block);
            events.addAll(mapper.onEvent("content_block_start", start.toString()));
        }
        ObjectNode delta = WireJson.MAPPER.createObjectNode();
        delta.putObject("delta").put("stop_reason", message.path("stop_reason").asText(""));
        delta.set("usage", message.path("usage").isObject() ? message.path("usage")
                : WireJson.MAPPER.createObjectNode());
        events.addAll(mapper.onEvent("message_delta", delta.toString()));
        events.addAll(mapper.onEvent("message_stop", "{}"));
        CompletionCollector collector = new CompletionCollector(1);
        events.forEach(collector::onEvent);
        return collector.result();
    }

    private static Request versioned(Request.Builder request) {
        return request.header("anthropic-version", AnthropicRequests.API_VERSION).build();
    }
}
