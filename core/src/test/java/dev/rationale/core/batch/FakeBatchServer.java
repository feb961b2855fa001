// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A provider's batch API as MockWebServer answers it, in the shapes of provider-protocols.md §12: batches are
 * created from the requests sent, stay in progress for {@code pendingPolls} looks, then end in {@code ending}, each
 * request answered by its {@link Fate}. A request's answer is the sum its last "What is A + B?" asks for.
 */
final class FakeBatchServer extends Dispatcher {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    enum Provider { OPENAI, ANTHROPIC, GEMINI }

    /** What becomes of one request. */
    enum Fate { RIGHT, WRONG, REFUSED, EXPIRED, DROPPED }

    /** One batch as the server holds it. */
    static final class Batch {
        final String id;
        final List<JsonNode> requests;
        int polls;
        boolean cancelAsked;
        int cancelledAtPoll;

        Batch(String id, List<JsonNode> requests) {
            this.id = id;
            this.requests = requests;
        }
    }

    private final Provider provider;
    private final String base;
    final List<Batch> batches = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> files = new ConcurrentHashMap<>();
    int pendingPolls = 1;
    String ending = "completed";
    /** The fate of a request, by its batch's number (from 0) and its custom id. */
    BiFunction<Integer, String, Fate> fates = (batch, id) -> Fate.RIGHT;

    /** @param base the server's own URL, for Anthropic's results_url */
    FakeBatchServer(Provider provider, String base) {
        this.provider = provider;
        this.base = base;
    }

    List<String> customIds(int batch) {
        return batches.get(batch).requests.stream().map(this::customId).toList();
    }

    private String customId(JsonNode request) {
        return provider == Provider.GEMINI ? request.path("metadata").path("key").asText()
                : request.path("custom_id").asText();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            String path = request.getUrl().encodedPath();
            String method = request.getMethod();
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            return switch (provider) {
                case OPENAI -> openAi(method, path, body);
                case ANTHROPIC -> anthropic(method, path, body);
                case GEMINI -> gemini(method, path, body);
            };
        } catch (Exception e) {
            return json(500, "{\"error\":{\"message\":\"" + e + "\"}}");
        }
    }

    // --- OpenAI: Files API, then /v1/batches.

    private MockResponse openAi(String method, String path, String body) throws Exception {
        if (method.equals("POST") && path.equals("/v1/files")) {
            String id = "file-in-" + files.size();
            StringBuilder lines = new StringBuilder();
            for (String line : body.split("\r?\n")) {
                if (line.startsWith("{\"custom_id\"")) {
                    lines.append(line).append('\n');
                }
            }
            files.put(id, lines.toString());
            return json(200, "{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
        }
        if (method.equals("POST") && path.equals("/v1/batches")) {
            JsonNode create = JSON.readTree(body);
            List<JsonNode> requests = new ArrayList<>();
            for (String line : files.get(create.path("input_file_id").asText()).split("\n")) {
                requests.add(JSON.readTree(line));
            }
            Batch batch = add("batch_" + batches.size(), requests);
            return json(200, openAiBatch(batch, "validating").toString());
        }
        Matcher cancel = Pattern.compile("/v1/batches/([^/]+)/cancel").matcher(path);
        if (method.equals("POST") && cancel.matches()) {
            Batch batch = find(cancel.group(1));
            batch.cancelAsked = true;
            batch.cancelledAtPoll = batch.polls;
            return json(200, openAiBatch(batch, "cancelling").toString());
        }
        Matcher get = Pattern.compile("/v1/batches/([^/]+)").matcher(path);
        if (get.matches()) {
            Batch batch = find(get.group(1));
            return json(200, openAiBatch(batch, look(batch)).toString());
        }
        Matcher content = Pattern.compile("/v1/files/([^/]+)/content").matcher(path);
        if (content.matches()) {
            return new MockResponse.Builder().code(200).body(files.get(content.group(1))).build();
        }
        return json(404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
    }

    private ObjectNode openAiBatch(Batch batch, String status) {
        ObjectNode json = JSON.createObjectNode().put("id", batch.id).put("object", "batch")
                .put("endpoint", "/v1/chat/completions").put("status", status);
        if (status.equals("failed")) {
            json.putObject("errors").put("object", "list").putArray("data").addObject()
                    .put("code", "invalid_json_line").put("message", "Line 1 is not valid JSON.").put("line", 1);
            json.putObject("request_counts").put("total", 0).put("completed", 0).put("failed", 0);
            return json;
        }
        boolean ended = List.of("completed", "expired", "cancelled").contains(status);
        json.putObject("request_counts").put("total", batch.requests.size())
                .put("completed", ended ? answered(batch) : 0).put("failed", 0);
        if (ended) {
            StringBuilder output = new StringBuilder();
            StringBuilder errors = new StringBuilder();
            int number = batches.indexOf(batch);
            for (JsonNode request : batch.requests) {
                String id = customId(request);
                Fate fate = status.equals("cancelled") ? Fate.DROPPED : fates.apply(number, id);
                switch (fate) {
                    case RIGHT, WRONG -> output.append(openAiAnswer(id, sum(request) + (fate == Fate.WRONG ? 1 : 0)))
                            .append('\n');
                    case REFUSED -> errors.append("{\"id\":\"r\",\"custom_id\":\"").append(id).append("\",\"response\":"
                            + "{\"status_code\":400,\"request_id\":\"q\",\"body\":{\"error\":{\"message\":\"Invalid"
                            + " 'messages'\",\"type\":\"invalid_request_error\"}}},\"error\":null}\n");
                    case EXPIRED -> errors.append("{\"id\":\"r\",\"custom_id\":\"").append(id).append("\",\"response\""
                            + ":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"This request could not be"
                            + " executed before the completion window expired.\"}}\n");
                    case DROPPED -> { }
                }
            }
            files.put(batch.id + "-out", output.toString());
            json.put("output_file_id", batch.id + "-out");
            if (!errors.isEmpty()) {
                files.put(batch.id + "-err", errors.toString());
                json.put("error_file_id", batch.id + "-err");
            }
        }
        return json;
    }

    private static String openAiAnswer(String id, int answer) {
        return "{\"id\":\"batch_req_1\",\"custom_id\":\"" + id + "\",\"response\":{\"status_code\":200,"
                + "\"request_id\":\"req_1\",\"body\":{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"The answer is " + answer + ".\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6,\"total_tokens\":26}}},\"error\":null}";
    }

    // --- Anthropic: /v1/messages/batches, results at results_url.

    private MockResponse anthropic(String method, String path, String body) throws Exception {
        if (method.equals("POST") && path.equals("/v1/messages/batches")) {
            List<JsonNode> requests = new ArrayList<>();
            JSON.readTree(body).path("requests").forEach(requests::add);
            Batch batch = add("msgbatch_0" + batches.size(), requests);
            return json(200, anthropicBatch(batch, "in_progress").toString());
        }
        Matcher cancel = Pattern.compile("/v1/messages/batches/([^/]+)/cancel").matcher(path);
        if (method.equals("POST") && cancel.matches()) {
            Batch batch = find(cancel.group(1));
            batch.cancelAsked = true;
            batch.cancelledAtPoll = batch.polls;
            return json(200, anthropicBatch(batch, "canceling").toString());
        }
        Matcher get = Pattern.compile("/v1/messages/batches/([^/]+)").matcher(path);
        if (get.matches()) {
            Batch batch = find(get.group(1));
            String state = look(batch);
            return json(200, anthropicBatch(batch, state.equals("in_progress") || state.equals("canceling") ? state
                    : "ended").toString());
        }
        Matcher results = Pattern.compile("/results/([^/]+)").matcher(path);
        if (results.matches()) {
            Batch batch = find(results.group(1));
            StringBuilder lines = new StringBuilder();
            int number = batches.indexOf(batch);
            for (JsonNode request : batch.requests) {
                String id = customId(request);
                Fate fate = batch.cancelAsked ? null
                        : ending.equals("expired") ? Fate.EXPIRED : fates.apply(number, id);
                String result = fate == null ? "{\"type\":\"canceled\"}" : switch (fate) {
                    case RIGHT, WRONG -> "{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\","
                            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                            + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"Adding.\",\"signature\":\"sig\"},"
                            + "{\"type\":\"text\",\"text\":\"The answer is "
                            + (sum(request) + (fate == Fate.WRONG ? 1 : 0)) + ".\"}],\"stop_reason\":\"end_turn\","
                            + "\"usage\":{\"input_tokens\":30,\"output_tokens\":9}}}";
                    case REFUSED -> "{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":"
                            + "\"invalid_request_error\",\"message\":\"max_tokens: too large\"}}}";
                    case EXPIRED -> "{\"type\":\"expired\"}";
                    case DROPPED -> null;
                };
                if (result != null) {
                    lines.append("{\"custom_id\":\"").append(id).append("\",\"result\":").append(result)
                            .append("}\n");
                }
            }
            return new MockResponse.Builder().code(200).body(lines.toString()).build();
        }
        return json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"" + path + "\"}}");
    }

    private ObjectNode anthropicBatch(Batch batch, String status) {
        ObjectNode json = JSON.createObjectNode().put("id", batch.id).put("type", "message_batch")
                .put("processing_status", status);
        boolean ended = status.equals("ended");
        int size = batch.requests.size();
        ObjectNode counts = json.putObject("request_counts").put("processing", ended ? 0 : size)
                .put("succeeded", 0).put("errored", 0).put("canceled", 0).put("expired", 0);
        if (ended && batch.cancelAsked) {
            counts.put("canceled", size);
        } else if (ended && ending.equals("expired")) {
            counts.put("expired", size);
        } else if (ended) {
            counts.put("succeeded", answered(batch));
        }
        if (batch.cancelAsked) {
            json.put("cancel_initiated_at", "2026-01-05T10:00:00Z");
        } else {
            json.putNull("cancel_initiated_at");
        }
        if (ended) {
            json.put("results_url", base + "results/" + batch.id);
        } else {
            json.putNull("results_url");
        }
        return json;
    }

    // --- Gemini: models/{model}:batchGenerateContent, then batches/{id} with inline responses.

    private MockResponse gemini(String method, String path, String body) throws Exception {
        if (method.equals("POST") && path.endsWith(":batchGenerateContent")) {
            List<JsonNode> requests = new ArrayList<>();
            JSON.readTree(body).path("batch").path("input_config").path("requests").path("requests")
                    .forEach(requests::add);
            Batch batch = add("batches/" + batches.size(), requests);
            return json(200, geminiJob(batch, "BATCH_STATE_PENDING").toString());
        }
        Matcher cancel = Pattern.compile("/v1beta/(batches/[^/:]+):cancel").matcher(path);
        if (method.equals("POST") && cancel.matches()) {
            Batch batch = find(cancel.group(1));
            batch.cancelAsked = true;
            batch.cancelledAtPoll = batch.polls;
            return json(200, "{}");
        }
        Matcher get = Pattern.compile("/v1beta/(batches/[^/:]+)").matcher(path);
        if (get.matches()) {
            Batch batch = find(get.group(1));
            String state = switch (look(batch)) {
                case "completed" -> "BATCH_STATE_SUCCEEDED";
                case "expired" -> "BATCH_STATE_EXPIRED";
                case "cancelled" -> "JOB_STATE_CANCELLED";
                default -> "BATCH_STATE_RUNNING";
            };
            return json(200, geminiJob(batch, state).toString());
        }
        return json(404, "{\"error\":{\"code\":404,\"message\":\"" + path + "\",\"status\":\"NOT_FOUND\"}}");
    }

    private ObjectNode geminiJob(Batch batch, String state) {
        ObjectNode job = JSON.createObjectNode().put("name", batch.id);
        ObjectNode metadata = job.putObject("metadata").put("@type",
                "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch").put("state", state);
        metadata.putObject("batchStats").put("requestCount", batch.requests.size());
        if (!state.endsWith("SUCCEEDED")) {
            job.put("done", state.endsWith("EXPIRED") || state.endsWith("CANCELLED"));
            return job;
        }
        job.put("done", true);
        ArrayNode inlined = job.putObject("response").put("@type",
                "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput")
                .putObject("inlinedResponses").putArray("inlinedResponses");
        int number = batches.indexOf(batch);
        for (JsonNode request : batch.requests) {
            String id = customId(request);
            Fate fate = fates.apply(number, id);
            ObjectNode each = JSON.createObjectNode();
            each.putObject("metadata").put("key", id);
            switch (fate) {
                case RIGHT, WRONG -> {
                    ObjectNode response = each.putObject("response");
                    ObjectNode candidate = response.putArray("candidates").addObject();
                    candidate.putObject("content").put("role", "model").putArray("parts").addObject()
                            .put("text", "The answer is " + (sum(request) + (fate == Fate.WRONG ? 1 : 0)) + ".");
                    candidate.put("finishReason", "STOP").put("index", 0);
                    response.putObject("usageMetadata").put("promptTokenCount", 12).put("candidatesTokenCount", 6)
                            .put("totalTokenCount", 18);
                }
                case REFUSED -> each.putObject("error").put("code", 400).put("message", "Invalid JSON payload")
                        .put("status", "INVALID_ARGUMENT");
                case EXPIRED, DROPPED -> {
                    continue;
                }
            }
            inlined.add(each);
        }
        return job;
    }

    // --- shared

    private synchronized Batch add(String id, List<JsonNode> requests) {
        Batch batch = new Batch(id, requests);
        batches.add(batch);
        return batch;
    }

    private Batch find(String id) {
        return batches.stream().filter(b -> b.id.equals(id)).findFirst().orElseThrow();
    }

    // The state a look at the batch finds; each look counts.
    private String look(Batch batch) {
        batch.polls++;
        if (batch.cancelAsked) {
            // One look finds it cancelling, the next cancelled.
            return batch.polls > batch.cancelledAtPoll + 1 ? "cancelled" : provider == Provider.ANTHROPIC ? "canceling"
                    : "cancelling";
        }
        return batch.polls > pendingPolls ? ending : "in_progress";
    }

    private int answered(Batch batch) {
        return (int) batch.requests.stream().filter(r -> !batch.cancelAsked).count();
    }

    static int sum(JsonNode request) {
        Matcher matcher = SUM.matcher(request.toString());
        int sum = -1;
        while (matcher.find()) {
            sum = Integer.parseInt(matcher.group(1)) + Integer.parseInt(matcher.group(2));
        }
        return sum;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
