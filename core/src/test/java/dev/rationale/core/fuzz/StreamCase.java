// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import okhttp3.OkHttpClient;

/**
 * One backend's valid recorded stream, cut into its events (or lines), with the provider and request that read
 * it. A block is its framing around one JSON payload, so mutations can work on the JSON inside.
 *
 * @param name how failures name the protocol, and the provider's own name in its messages
 * @param factory the provider, given a client and a base URL
 * @param repeated the index of a block that can be repeated any number of times (a text chunk), for length
 */
record StreamCase(String name, BiFunction<OkHttpClient, String, CompletionProvider> factory, CompletionRequest request,
        String contentType, List<Block> blocks, int repeated) {

    /** One event or line: {@code prefix + json + suffix}. */
    record Block(String prefix, String json, String suffix) {
        byte[] bytes() {
            return (prefix + json + suffix).getBytes(StandardCharsets.UTF_8);
        }

        Block withJson(String newJson) {
            return new Block(prefix, newJson, suffix);
        }
    }

    /** An SSE {@code data:} event. */
    static Block data(String json) {
        return new Block("data: ", json, "\n\n");
    }

    /** An SSE event with a name. */
    static Block named(String event, String json) {
        return new Block("event: " + event + "\ndata: ", json, "\n\n");
    }

    /** An NDJSON line. */
    static Block line(String json) {
        return new Block("", json, "\n");
    }

    /** The provider on the fuzz suite's client ({@link CannedHttp}) for a backend at {@code baseUrl}. */
    CompletionProvider provider(String baseUrl) {
        return factory.apply(CannedHttp.CLIENT, baseUrl);
    }

    /** The stream as recorded. */
    byte[] body() {
        return join(blocks);
    }

    /** The stream with its repeated block sent {@code times} times. */
    List<Block> withLength(int times) {
        List<Block> longer = new ArrayList<>(blocks.subList(0, repeated));
        for (int i = 0; i < times; i++) {
            longer.add(blocks.get(repeated));
        }
        longer.addAll(blocks.subList(repeated + 1, blocks.size()));
        return longer;
    }

    static byte[] join(List<Block> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Block block : blocks) {
            out.writeBytes(block.bytes());
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
