// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * One OpenAI-compatible server that both answers a capitals quiz and judges the answers, as the same endpoint and
 * model do when a prompt set names no judge endpoint. A request asking for a JSON schema is the judge's: a rubric
 * judge scores an answer naming the right capital 5, a wrong one 2, and gives no JSON at all for Spain; a pairwise
 * judge always prefers the answer it is shown first (position bias). Every reply is OpenAI's SSE.
 */
final class JudgeServer extends ChatDispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> judgePrompts = Collections.synchronizedList(new ArrayList<>());

    static Path writeSet(Path file) throws IOException {
        Files.writeString(file, """
                {"format": "rationale-prompt-set", "version": 1, "name": "Capitals", "tasks": [{
                  "id": "capitals",
                  "template": {"input": "Q: What is the capital of {{country}}?"},
                  "answer": {"extract": "whole", "compare": "judge",
                             "judge": {"criteria": "Names the capital city.", "min": 1, "max": 5}},
                  "cases": [
                    {"id": "fr", "inputs": {"country": "France"}, "expected": "Paris"},
                    {"id": "it", "inputs": {"country": "Italy"}, "expected": "Rome"},
                    {"id": "es", "inputs": {"country": "Spain"}, "expected": "Madrid"}],
                  "variants": [{"id": "direct"}, {"id": "terse", "system": "Answer in one word."}]}]}
                """, StandardCharsets.UTF_8);
        return file;
    }

    List<String> judgePrompts() {
        return List.copyOf(judgePrompts);
    }

    @Override
    protected MockResponse answer(JsonNode body, String last) {
        JsonNode messages = body.path("messages");
        if (!body.has("response_format")) {
            boolean terse = messages.get(0).path("role").asText().equals("system");
            return reply(terse ? answer(last).replaceFirst("^The capital of \\w+ is ", "") : answer(last));
        }
        judgePrompts.add(last);
        String schema = body.path("response_format").path("json_schema").path("name").asText();
        if (schema.equals("judge_pair")) {
            return reply("{\"reason\": \"The first answer is better.\", \"winner\": \"A\"}");
        }
        String graded = last.substring(last.indexOf("# Answer to grade"), last.indexOf("# Criteria"));
        if (graded.contains("Spain")) {
            return reply("I would rather not say.");
        }
        return graded.contains("Paris") ? reply("{\"reason\": \"Paris is right.\", \"score\": 5}")
                : reply("{\"reason\": \"Not the capital.\", \"score\": 2}");
    }

    private static String answer(String question) {
        if (question.contains("France")) {
            return "The capital of France is Paris.";
        }
        if (question.contains("Italy")) {
            return "The capital of Italy is Milan.";
        }
        return "The capital of Spain is Madrid.";
    }

    private static MockResponse reply(String text) {
        String content = JSON.getNodeFactory().textNode(text).toString();
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + content
                        + "},\"finish_reason\":null}]}\n\n"
                        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":8,"
                        + "\"total_tokens\":28}}\n\n"
                        + "data: [DONE]\n\n").build();
    }
}
