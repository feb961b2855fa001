// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * OpenAI's Files and Batch APIs as MockWebServer answers them (provider-protocols.md §12.1): an uploaded JSONL
 * file, a batch on it that is {@code in_progress} for one look and then {@code completed} (or {@code cancelled}
 * after a cancel), its output file answering each sum right. Counts the looks and cancels.
 */
final class OpenAiBatchServer extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    final Map<String, String> files = new ConcurrentHashMap<>();
    final List<String> batches = new ArrayList<>();
    final Map<String, Integer> looks = new ConcurrentHashMap<>();
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            String path = request.getUrl().encodedPath();
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            if (path.equals("/v1/files")) {
                StringBuilder lines = new StringBuilder();
                for (String line : body.split("\r?\n")) {
                    if (line.startsWith("{\"custom_id\"")) {
                        lines.append(line).append('\n');
                    }
                }
                String id = "file-" + files.size();
                files.put(id, lines.toString());
                return json("{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
            }
            if (path.equals("/v1/batches")) {
                String id = "batch_" + batches.size();
                synchronized (batches) {
                    batches.add(id);
                }
                files.put(id + "-in", files.get(JSON.readTree(body).path("input_file_id").asText()));
                return json("{\"id\":\"" + id + "\",\"object\":\"batch\",\"status\":\"validating\"}");
            }
            Matcher cancel = Pattern.compile("/v1/batches/([^/]+)/cancel").matcher(path);
            if (cancel.matches()) {
                cancels.incrementAndGet();
                files.put(cancel.group(1) + "-cancelled", "");
                return json("{\"id\":\"" + cancel.group(1) + "\",\"object\":\"batch\",\"status\":\"cancelling\"}");
            }
            Matcher look = Pattern.compile("/v1/batches/([^/]+)").matcher(path);
            if (look.matches()) {
                return json(status(look.group(1)));
            }
            Matcher content = Pattern.compile("/v1/files/([^/]+)/content").matcher(path);
            if (content.matches()) {
                return new MockResponse.Builder().code(200).body(files.get(content.group(1))).build();
            }
            return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no " + path + "\"}}").build();
        } catch (Exception e) {
            return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"" + e + "\"}}").build();
        }
    }

    private String status(String id) throws Exception {
        int seen = looks.merge(id, 1, Integer::sum);
        String[] inputs = files.get(id + "-in").split("\n");
        boolean cancelled = files.containsKey(id + "-cancelled");
        if (seen < 2) {
            return "{\"id\":\"" + id + "\",\"status\":\"" + (cancelled ? "cancelling" : "in_progress")
                    + "\",\"request_counts\":{\"total\":" + inputs.length + ",\"completed\":0,\"failed\":0}}";
        }
        StringBuilder output = new StringBuilder();
        if (!cancelled) {
            for (String input : inputs) {
                JsonNode line = JSON.readTree(input);
                Matcher sum = SUM.matcher(line.path("body").toString());
                int answer = sum.find() ? Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2)) : -1;
                output.append("{\"id\":\"r\",\"custom_id\":\"").append(line.path("custom_id").asText())
                        .append("\",\"response\":{\"status_code\":200,\"request_id\":\"q\",\"body\":{\"id\":\"c\","
                                + "\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"The answer is ").append(answer)
                        .append(".\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,"
                                + "\"completion_tokens\":5,\"total_tokens\":14}}},\"error\":null}\n");
            }
        }
        files.put(id + "-out", output.toString());
        return "{\"id\":\"" + id + "\",\"status\":\"" + (cancelled ? "cancelled" : "completed")
                + "\",\"output_file_id\":\"" + id + "-out\",\"request_counts\":{\"total\":" + inputs.length
                + ",\"completed\":" + (cancelled ? 0 : inputs.length) + ",\"failed\":0}}";
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
