// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Judge replies as each backend streams them (provider-protocols.md): OpenAI Chat SSE ending in {@code [DONE]},
 * Ollama's NDJSON, llama.cpp's {@code /completion} SSE, Gemini's SSE, Anthropic's named events. The reply text is
 * put into JSON strings here, so a test writes it as the model would.
 */
final class JudgeWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgeWire() {
    }

    static MockResponse openAi(String reply) {
        return sse("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
                + quoted(reply) + "},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n");
    }

    /** The first half of an OpenAI reply, then the connection closes: a stream cut midway. */
    static MockResponse openAiCut(String half) {
        String delivered = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quoted(half) + "}}]}\n\n";
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"NEVER\"}}]}"
                        + "\n\n")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    static MockResponse tooMany() {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":null}}")
                .build();
    }

    static MockResponse ollama(String reply) {
        ObjectNode part = JSON.createObjectNode().put("model", "judge").put("done", false);
        part.putObject("message").put("role", "assistant").put("content", reply);
        ObjectNode done = JSON.createObjectNode().put("model", "judge").put("done", true).put("done_reason", "stop")
                .put("prompt_eval_count", 40).put("eval_count", 12);
        done.putObject("message").put("role", "assistant").put("content", "");
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson")
                .body(part + "\n" + done + "\n").build();
    }

    /** What Ollama's {@code /api/show} says of a model with a chat template. */
    static MockResponse ollamaShow() {
        ObjectNode body = JSON.createObjectNode().put("template", "{{ .Prompt }}<|im_start|>assistant\n{{ .Response }}")
                .put("modelfile", "FROM /m\n");
        body.putArray("capabilities").add("completion");
        return json(body.toString());
    }

    static MockResponse llamaCpp(String reply) {
        return sse("data: {\"content\":" + quoted(reply) + ",\"stop\":false}\n\n"
                + "data: {\"content\":\"\",\"stop\":true,\"tokens_predicted\":12,\"tokens_evaluated\":40,"
                + "\"stop_type\":\"eos\"}\n\n");
    }

    /** llama.cpp's {@code /props} for a model with a ChatML template. */
    static MockResponse llamaCppProps() {
        ObjectNode body = JSON.createObjectNode().put("model_path", "/models/judge.gguf").put("total_slots", 1)
                .put("chat_template", "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
                        + "message['content'] + '<|im_end|>\\n'}}{% endfor %}");
        return json(body.toString());
    }

    static MockResponse applied(String prompt) {
        return json(JSON.createObjectNode().put("prompt", prompt).toString());
    }

    static MockResponse gemini(String reply) {
        return sse("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + quoted(reply)
                + "}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":40,"
                + "\"candidatesTokenCount\":12,\"totalTokenCount\":52}}\n\n");
    }

    static MockResponse anthropic(String reply) {
        return sse(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":"
                + "\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku\",\"content\":[],\"stop_reason\":"
                + "null,\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"text_delta\",\"text\":" + quoted(reply) + "}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":12}}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }
}
