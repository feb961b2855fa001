// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * An OpenAI-compatible chat server that writes Python: for the function the last message asks for, it streams the
 * code of {@link #RIGHT} or {@link #WRONG} in a python code block. With {@code n} samples, the even ones are right
 * and the odd ones wrong; with one, the functions of {@link #WRONG} get the wrong code.
 */
final class CodeServer extends ChatDispatcher {
    static final Map<String, String> RIGHT = Map.of(
            "reverse_words", "def reverse_words(sentence):\n    return ' '.join(sentence.split()[::-1])",
            "second_largest", "def second_largest(numbers):\n    distinct = sorted(set(numbers))\n"
                    + "    return distinct[-2] if len(distinct) > 1 else None",
            "merge_counts", "def merge_counts(a, b):\n    out = dict(a)\n    for k, v in b.items():\n"
                    + "        out[k] = out.get(k, 0) + v\n    return out",
            "digit_sum", "def digit_sum(n):\n    return sum(int(d) for d in str(abs(n)))",
            "chunk", "def chunk(items, size):\n    if size < 1:\n        raise ValueError('size')\n"
                    + "    return [items[i:i + size] for i in range(0, len(items), size)]",
            "initials", "def initials(full_name):\n    return ''.join(p[0].upper() + '.' for p in"
                    + " full_name.replace('-', ' ').split())");
    static final Map<String, String> WRONG = Map.of(
            "second_largest", "def second_largest(numbers):\n    return sorted(numbers)[-2]",
            "chunk", "def chunk(items, size):\n    return [items[i:i + size] for i in range(0, len(items),"
                    + " max(size, 1))]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION = Pattern.compile("def (\\w+)\\(");

    @Override
    protected MockResponse answer(JsonNode body, String last) {
        Matcher m = FUNCTION.matcher(last);
        String name = null;
        while (m.find()) {
            name = m.group(1);
        }
        int n = body.path("n").asInt(1);
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean wrong = n > 1 ? i % 2 == 1 : WRONG.containsKey(name);
            String code = (wrong ? WRONG : RIGHT).getOrDefault(name, "def nothing():\n    pass");
            String reply = "Here it is:\n```python\n" + code + "\n```\n";
            stream.append("data: {\"choices\":[{\"index\":").append(i).append(",\"delta\":{\"content\":")
                    .append(quoted(reply)).append("}}]}\n\n")
                    .append("data: {\"choices\":[{\"index\":").append(i)
                    .append(",\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        }
        stream.append("data: [DONE]\n\n");
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(stream.toString())
                .build();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
