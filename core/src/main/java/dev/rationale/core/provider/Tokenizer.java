// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/**
 * A backend's own tokenizer, for exact token counts. Reached through {@link CompletionProvider#tokenizer()}. May load
 * the model first, so it blocks: call it off the UI thread.
 */
public interface Tokenizer {

    /**
     * The token ids the model reads for {@code prompt} (chat template applied, BOS added as the model asks).
     *
     * @throws ProviderException when the model cannot be loaded
     */
    List<Integer> tokenize(String model, RenderedPrompt prompt);
}
