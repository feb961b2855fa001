// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structural mutations of a recorded stream: events dropped, duplicated, swapped or cut midway, and JSON values
 * inside an event replaced by what servers get wrong (null, a wrong type, -1 and out-of-range numbers, huge
 * values, NaN and positive logprobs, text where an object belongs, deep nesting).
 */
final class StreamMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamMutations() {
    }

    /** {@code blocks} with one to {@code maxEdits} structural edits. */
    static List<StreamCase.Block> mutate(List<StreamCase.Block> blocks, SplittableRandom random, int maxEdits) {
        List<StreamCase.Block> out = new ArrayList<>(blocks);
        int edits = 1 + random.nextInt(maxEdits);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.size());
            switch (random.nextInt(7)) {
                case 0 -> out.remove(at);
                case 1 -> out.add(at, out.get(at));
                case 2 -> Collections.swap(out, at, random.nextInt(out.size()));
                case 3 -> {
                    String json = out.get(at).json();
                    out.set(at, out.get(at).withJson(json.substring(0, random.nextInt(json.length() + 1))));
                }
                case 4 -> out.set(at, out.get(at).withJson("[".repeat(2000) + "]".repeat(2000)));
                default -> out.set(at, out.get(at).withJson(replaceValue(out.get(at).json(), random)));
            }
        }
        return out;
    }

    /** {@code json} with one value somewhere inside it (or the whole of it) replaced by a nasty one. */
    static String replaceValue(String json, SplittableRandom random) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception notJson) {
            return json;
        }
        if (root == null || !root.isContainerNode() || random.nextInt(12) == 0) {
            return nasty(random).toString();
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), nasty(random));
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), nasty(random));
        } else if (parent instanceof ArrayNode array) {
            array.add(nasty(random));
        }
        try {
            return root.toString();
        } catch (RuntimeException tooDeepToWrite) {
            // Nesting added twice over passes the writer's limit; the raw-nesting edit covers that case.
            return json;
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode nasty(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(5);
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(60)));
            case 5 -> NODES.numberNode(1e308);
            case 6 -> NODES.numberNode(2.5);
            case 7 -> NODES.textNode("NaN");
            case 8 -> NODES.textNode("x".repeat(1 + random.nextInt(100_000)));
            case 9 -> NODES.booleanNode(true);
            case 10 -> NODES.objectNode().put("a", 1);
            case 11 -> NODES.arrayNode().add(NODES.nullNode());
            case 12 -> NODES.arrayNode();
            case 13 -> deep(1 + random.nextInt(900));
            case 14 -> NODES.textNode("");
            default -> NODES.numberNode(-9999.0);
        };
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode inner = root;
        for (int i = 1; i < depth; i++) {
            inner = inner.addArray();
        }
        return root;
    }
}
