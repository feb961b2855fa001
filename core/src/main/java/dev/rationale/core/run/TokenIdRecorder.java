// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.TokenIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the vocabulary ids of an embedded completion's sample 0 as they stream, so that it can be branched
 * later. Written on the provider thread, read on any: thread-safe.
 */
public final class TokenIdRecorder implements TokenIdListener {

    private final List<TokenIds> generated = new ArrayList<>();

    @Override
    public synchronized void onTokens(int sample, List<TokenIds> tokens) {
        if (sample == 0) {
            generated.addAll(tokens);
        }
    }

    /** The ids of the generated tokens so far, in order. */
    public synchronized List<TokenIds> generated() {
        return List.copyOf(generated);
    }
}
