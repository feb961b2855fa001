// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import dev.rationale.core.provider.batch.BatchState;
import dev.rationale.core.provider.batch.BatchStatus;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.WireJson;
import java.io.BufferedWriter;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's Batch API: the requests are written as a JSONL file ({@link OpenAiBatchLines}) and uploaded through the
 * Files API, a batch is created on it for {@code /v1/chat/completions} in the 24-hour window, and once it has ended
 * both its output file and its error file are read (expired and cancelled requests are in the error file). The
 * input file is written to a temporary file rather than held in memory: it may be 200 MB. Thread-safe.
 */
public final class OpenAiBatchApi implements BatchApi {
    /** 50,000 requests or 200 MB of input file per batch. */
    public static final BatchLimits LIMITS = new BatchLimits(50_000, 200L * 1024 * 1024);

    private static final MediaType JSONL = MediaType.get("application/jsonl");

    private final HttpEndpoint endpoint;
    private final OpenAiOptions.TokenLimit tokenLimit;

    /**
     * @param client the endpoint's client, with its key added
     * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiBatchApi(OkHttpClient client, String baseUrl, OpenAiOptions options) {
        this.endpoint = new HttpEndpoint(client, BaseUrl.of(baseUrl), OpenAiBatchLines.SOURCE);
        this.tokenLimit = options.tokenLimit();
    }

    @Override
    public String name() {
        return OpenAiBatchLines.SOURCE;
    }

    @Override
    public Capabilities capabilities() {
        return OpenAiChatProtocol.CAPABILITIES;
    }

    /** As the streaming API takes them. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.chatOnly(OpenAiBatchLines.SOURCE, model, false);
    }

    @Override
    public BatchLimits limits() {
        return LIMITS;
    }

    @Override
    public long size(BatchItem item) {
        return line(item).length + 1;
    }

    private byte[] line(BatchItem item) {
        try {
            return WireJson.MAPPER.writeValueAsBytes(OpenAiBatchLines.input(item.customId(), item.request(),
                    tokenLimit));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a batch line", e);
        }
    }

    @Override
    public String submit(String model, List<BatchItem> items) {
        String fileId = upload(items);
        ObjectNode body = WireJson.MAPPER.createObjectNode();
        body.put("input_file_id", fileId);
        body.put("endpoint", OpenAiBatchLines.URL);
        body.put("completion_window", "24h");
        body.putObject("metadata").put("source", "rationale");
        JsonNode batch = endpoint.json(endpoint.post("/batches", body).build());
        return required(batch, "id");
    }

    private String upload(List<BatchItem> items) {
        Path file = null;
        try {
            file = Files.createTempFile("rationale-batch-", ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (BatchItem item : items) {
                    out.write(new String(line(item), StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("purpose", "batch")
                    .addFormDataPart("file", "rationale-batch.jsonl", RequestBody.create(file.toFile(), JSONL))
                    .build();
            return required(endpoint.json(endpoint.to("/files").post(form).build()), "id");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch input file", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind costs disk space only; the batch itself went or failed already.
                System.getLogger(OpenAiBatchApi.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot delete " + file, e);
            }
        }
    }

    @Override
    public BatchStatus poll(String batchId) {
        return status(batch(batchId));
    }

    private JsonNode batch(String batchId) {
        return endpoint.getJson("/batches/" + batchId);
    }

    static BatchStatus status(JsonNode batch) {
        String word = batch.path("status").asText("");
        BatchState state = switch (word) {
            case "validating" -> BatchState.PENDING;
            case "in_progress", "finalizing" -> BatchState.RUNNING;
            case "cancelling" -> BatchState.CANCELLING;
            case "completed" -> BatchState.COMPLETED;
            case "failed" -> BatchState.FAILED;
            case "expired" -> BatchState.EXPIRED;
            case "cancelled" -> BatchState.CANCELLED;
            default -> throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, OpenAiBatchLines.SOURCE
                    + ": a batch in the unknown status \"" + word + "\"");
        };
        JsonNode counts = batch.path("request_counts");
        int failed = counts.path("failed").asInt(0);
        JsonNode firstError = batch.path("errors").path("data").path(0);
        String detail = firstError.isMissingNode() ? null
                : firstError.path("code").asText("") + ": " + firstError.path("message").asText("");
        return new BatchStatus(batch.path("id").asText(""), state, word, counts.path("total").asInt(0),
                counts.path("completed").asInt(0) + failed, failed, detail);
    }

    @Override
    public void cancel(String batchId) {
        endpoint.json(endpoint.post("/batches/" + batchId + "/cancel", WireJson.MAPPER.createObjectNode()).build());
    }

    @Override
    public void results(String batchId, Function<String, @Nullable CompletionRequest> requests,
            Consumer<BatchAnswer> answers) {
        JsonNode batch = batch(batchId);
        // Finished requests are in the output file, refused, expired and cancelled ones in the error file.
        for (String field : List.of("output_file_id", "error_file_id")) {
            String fileId = batch.path(field).asText("");
            if (!fileId.isEmpty()) {
                BlockingCall.execute(endpoint.client(), endpoint.to("/files/" + fileId + "/content").get().build(),
                        OpenAiBatchLines.SOURCE, body -> {
                            for (String text = body.readUtf8Line(); text != null; text = body.readUtf8Line()) {
                                answer(text, requests, answers);
                            }
                            return null;
                        });
            }
        }
    }

    private static void answer(String text, Function<String, @Nullable CompletionRequest> requests,
            Consumer<BatchAnswer> answers) throws IOException {
        if (text.isBlank()) {
            return;
        }
        JsonNode line;
        try {
            line = WireJson.MAPPER.readTree(text);
        } catch (IOException e) {
            // One unreadable line loses one answer, not the batch: its request is reported missing and sent again.
            System.getLogger(OpenAiBatchApi.class.getName()).log(System.Logger.Level.WARNING,
                    "skipping a batch output line that is not JSON");
            return;
        }
        String customId = line.path("custom_id").asText("");
        CompletionRequest request = requests.apply(customId);
        if (request != null) {
            answers.accept(OpenAiBatchLines.answer(line, request));
        }
    }

    private static String required(JsonNode reply, String field) {
        String value = reply.path(field).asText("");
        if (value.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, OpenAiBatchLines.SOURCE
                    + ": the reply has no \"" + field + "\"");
        }
        return value;
    }
}
