// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own tokenizer, {@code POST /tokenize}: a raw prompt is counted as {@code /completion} reads it
 * (special tokens such as BOS added), a chat prompt after the server's template wrote it ({@code /apply-template}),
 * as this provider sends it. Blocks on the server; thread-safe.
 */
final class LlamaCppTokenizer implements Tokenizer {
    static final String PATH = "/tokenize";

    private final HttpEndpoint endpoint;
    private final LlamaCppTemplates templates;

    LlamaCppTokenizer(HttpEndpoint endpoint, LlamaCppTemplates templates) {
        this.endpoint = endpoint;
        this.templates = templates;
    }

    @Override
    public List<Integer> tokenize(String model, RenderedPrompt prompt) {
        String text = switch (prompt) {
            case RenderedPrompt.Text raw -> raw.prompt();
            case RenderedPrompt.Chat chat -> templates.format(chat.messages());
        };
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("content", text).put("add_special", true);
        JsonNode tokens = endpoint.json(endpoint.post(PATH, body).build()).get("tokens");
        if (tokens == null || !tokens.isArray()) {
            throw malformed("answered without a \"tokens\" list");
        }
        List<Integer> ids = new ArrayList<>(tokens.size());
        for (JsonNode token : tokens) {
            // Plain ids, or {"id", "piece"} objects when pieces were asked for.
            JsonNode id = token.isObject() ? token.get("id") : token;
            if (id == null || !id.canConvertToInt()) {
                throw malformed("answered a token that is not an id: " + token);
            }
            ids.add(id.intValue());
        }
        return ids;
    }

    private static ProviderException malformed(String what) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, LlamaCppProvider.NAME + ": " + PATH + " "
                + what);
    }
}
