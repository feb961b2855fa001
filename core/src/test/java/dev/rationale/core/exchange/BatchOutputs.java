// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Batch output lines made from an export, the way the Batch API answers each request. */
final class BatchOutputs {
    static final ObjectMapper JSON = new ObjectMapper();

    private BatchOutputs() {
    }

    /** The set's first task exported for {@link ExchangeFixtures#MODEL}, one parsed line per request. */
    static List<ObjectNode> export(PromptSet set) throws Exception {
        StringWriter out = new StringWriter();
        Task task = set.tasks().getFirst();
        OpenAiBatchExport.write(set, task, task.variants(), ExchangeFixtures.MODEL,
                OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS, out);
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add((ObjectNode) JSON.readTree(line));
        }
        return lines;
    }

    /** The expected answer of the case a request line is for, read from the set by the case id in its slug. */
    static String expected(PromptSet set, JsonNode request) {
        String id = request.get("custom_id").asText();
        for (TestCase c : set.tasks().getFirst().cases()) {
            if (id.contains("_" + c.id() + "-")) {
                return c.expected();
            }
        }
        throw new IllegalArgumentException("no case in " + id);
    }

    /**
     * The batch's answers: every request right except cot-vote c2's second sample; one-shot c3 refused with 400,
     * cot-vote c3's first sample expired, its second absent; plus a stranger's id and a torn line.
     */
    static Path write(PromptSet set, Path dir) throws Exception {
        List<ObjectNode> requests = export(set);
        List<String> lines = new ArrayList<>();
        for (ObjectNode request : requests) {
            String id = request.get("custom_id").asText();
            String expected = expected(set, request);
            if (id.startsWith("sums_one-shot_c3-")) {
                lines.add(refused(request, 400, "Invalid 'messages': <too long> & more").toString());
            } else if (id.startsWith("sums_cot-vote_c3-") && id.endsWith("-0")) {
                lines.add(lineError(request, "batch_expired", "The batch expired first.").toString());
            } else if (id.startsWith("sums_cot-vote_c3-")) {
                continue;
            } else if (id.startsWith("sums_cot-vote_c2-") && id.endsWith("-1")) {
                lines.add(answered(request, "7").toString());
            } else {
                lines.add(answered(request, expected).toString());
            }
        }
        ObjectNode stranger = requests.getFirst().deepCopy();
        stranger.put("custom_id", "someone-elses-request-1");
        lines.add(answered(stranger, "1").toString());
        lines.add("{\"custom_id\": \"torn");
        Path file = dir.resolve("batch_output.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }


    /**
     * The standard batch answered, saved beside the set in {@code dir} and imported into {@code dir}'s history.
     *
     * @return the history run's id
     */
    static String importedRun(Path dir) throws Exception {
        PromptSet set = ExchangeFixtures.set();
        Path setFile = dir.resolve("sums.rationale.json");
        PromptSetFiles.save(set, setFile);
        ImportedBatch batch = OpenAiBatchImport.read(List.of(write(set, dir)), set, null, ExchangeFixtures.MODEL);
        try (HistoryStore store = HistoryStore.open(dir);
                ResultsFile results = ResultsFile.create(dir.resolve("sums.sums.eval.jsonl"))) {
            HistoryRecorder recorder = HistoryRecorder.start(store, batch.plan(), setFile, Clock.systemUTC());
            batch.record(results, recorder);
            return recorder.runId();
        }
    }

    /** A successful line answering "The answer is ANSWER." with token logprobs (and alternatives when asked). */
    static ObjectNode answered(JsonNode request, String answer) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + request.get("custom_id").asText().hashCode());
        body.put("object", "chat.completion");
        body.put("model", ExchangeFixtures.MODEL + "-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", "The answer is " + answer + ".");
        ArrayNode content = choice.putObject("logprobs").putArray("content");
        int top = request.get("body").path("top_logprobs").asInt(0);
        String[] tokens = {"The", " answer", " is", " " + answer, "."};
        double[] logprobs = {-0.01, -0.05, -0.02, -0.9, -0.001};
        for (int i = 0; i < tokens.length; i++) {
            ObjectNode token = content.addObject().put("token", tokens[i]).put("logprob", logprobs[i]);
            ArrayNode alternatives = token.putArray("top_logprobs");
            for (int k = 0; k < top; k++) {
                alternatives.addObject().put("token", k == 0 ? tokens[i] : " alt" + k)
                        .put("logprob", k == 0 ? logprobs[i] : -3.0 - k);
            }
        }
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 5).put("total_tokens", 45);
        return line(request, 200, body);
    }

    /** A request the API refused with {@code status}. */
    static ObjectNode refused(JsonNode request, int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error");
        return line(request, status, body);
    }

    /** A line whose request never ran, e.g. the batch expired first. */
    static ObjectNode lineError(JsonNode request, String code, String message) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", "batch_req_" + Math.abs(request.get("custom_id").asText().hashCode()));
        line.put("custom_id", request.get("custom_id").asText());
        line.putNull("response");
        line.putObject("error").put("code", code).put("message", message);
        return line;
    }

    private static ObjectNode line(JsonNode request, int status, ObjectNode body) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", "batch_req_" + Math.abs(request.get("custom_id").asText().hashCode()));
        line.put("custom_id", request.get("custom_id").asText());
        ObjectNode response = line.putObject("response");
        response.put("status_code", status);
        response.put("request_id", "req-" + status);
        response.set("body", body);
        line.putNull("error");
        return line;
    }
}
