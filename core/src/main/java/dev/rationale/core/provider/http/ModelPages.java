// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A model list the server gives page by page, each page naming the next (Anthropic, Gemini). Blocks. */
public final class ModelPages {

    /** Enough for any real list; a server that kept pointing at new pages would otherwise keep the loop going. */
    private static final int MAX_PAGES = 100;

    private ModelPages() {
    }

    /**
     * Every page's models, in order: {@code page} fetches the page after a token (null for the first), {@code next}
     * reads the following page's token from a reply (null on the last page). A page naming itself as the next ends
     * the list, so a server that repeats a page cannot loop.
     */
    public static List<ModelInfo> collect(Function<@Nullable String, JsonNode> page,
            Function<JsonNode, List<ModelInfo>> parse, Function<JsonNode, @Nullable String> next) {
        List<ModelInfo> models = new ArrayList<>();
        String token = null;
        for (int count = 0; count < MAX_PAGES; count++) {
            JsonNode reply = page.apply(token);
            models.addAll(parse.apply(reply));
            String following = next.apply(reply);
            if (following == null || following.equals(token)) {
                break;
            }
            token = following;
        }
        return models;
    }
}
