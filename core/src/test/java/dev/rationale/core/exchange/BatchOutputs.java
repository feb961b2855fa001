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
import java.io.StringWriter;
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
