// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.StreamTextNormalizer;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The read loop of a backend whose text goes through a {@link StreamTextNormalizer} (Ollama, llama.cpp): payload
 * by payload until the protocol says the answer has finished; a body that ends first releases what the normalizer
 * held back and is cut short.
 */
public final class NormalizedStream {

    /** The events of the next payload of a body, or null once the body has ended. */
    @FunctionalInterface
    public interface Payloads {
        @Nullable List<CompletionEvent> next() throws IOException;
    }

    private NormalizedStream() {
    }

    /**
     * Emits every payload's events through {@code normalizer} until {@code finished} holds.
     *
     * @param cutShort how a body that ends first ended, for {@link StreamingCall.Emitter#cutShort}
     */
    public static void read(Payloads payloads, BooleanSupplier finished, StreamTextNormalizer normalizer,
            StreamingCall.Emitter out, String cutShort) throws IOException {
        for (List<CompletionEvent> events = payloads.next(); events != null; events = payloads.next()) {
            out.emitAll(normalizer.apply(events));
            if (finished.getAsBoolean()) {
                return;
            }
        }
        out.emitAll(normalizer.finish());
        throw out.cutShort(cutShort);
    }
}
