// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A provider's batch API: many requests submitted as one job, answered within the provider's window (about a day)
 * at about half the price. Every method is one or a few blocking HTTP calls through the endpoint's client: never
 * call them on the UI thread. Implementations are thread-safe.
 *
 * @see dev.rationale.core.provider.Capabilities
 */
public interface BatchApi {

    /** How messages name the API, e.g. {@code "OpenAI Batch"}. */
    String name();

    /** What the requests may ask for: the same as the provider's streaming API, less streaming itself. */
    Capabilities capabilities();

    /** How the API takes prompts for {@code model}, to render requests as a run on the provider would. */
    PromptIntake intake(String model);

    /** The most one batch may hold. */
    BatchLimits limits();

    /**
     * The bytes {@code item} adds to a batch as the provider counts them against {@link #limits()}.
     *
     * @throws ProviderException UNSUPPORTED when the request cannot go to this API (e.g. a raw text prompt)
     */
    long size(BatchItem item);

    /**
     * Submits {@code items} as one batch, all for {@code model}, and returns its id. The caller keeps to
     * {@link #limits()}.
     *
     * @throws ProviderException when the provider refuses the batch or cannot be reached
     */
    String submit(String model, List<BatchItem> items);

    /** The batch's state now. @throws ProviderException when the provider cannot say */
    BatchStatus poll(String batchId);

    /**
     * Asks the provider to cancel the batch; it goes on to {@link BatchState#CANCELLING} and then ends, keeping the
     * answers it had.
     *
     * @throws ProviderException when the provider refuses (e.g. the batch has already ended)
     */
    void cancel(String batchId);

    /**
     * Hands every answer of an ended batch to {@code answers}, a line at a time, in the provider's order (not the
     * input's): completions, and failures with their reasons (refused requests, expired and cancelled ones where the
     * provider lists them). Requests the provider returns nothing for are simply not handed on, nor are answers
     * under ids {@code requests} does not know.
     *
     * @param requests the request sent under a custom id, to read its answer as it was asked (samples, top
     *     alternatives); null for an id the caller does not know
     * @throws ProviderException when the answers cannot be fetched
     */
    void results(String batchId, Function<String, @Nullable CompletionRequest> requests,
            Consumer<BatchAnswer> answers);
}
