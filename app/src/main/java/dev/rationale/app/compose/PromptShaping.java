// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.RenderedPrompt;

/**
 * Lays a variant's prompt out for where it will run (the run bar's endpoint and model), so the preview shows what
 * is sent. May block while the backend is asked about the model: call it off the FX thread.
 */
@FunctionalInterface
public interface PromptShaping {

    /** No target chosen: the prompt as its variant is written. */
    PromptShaping AS_WRITTEN = PromptDraft::asWritten;

    /**
     * @throws dev.rationale.core.RationaleException when the prompt cannot reach the model, or the backend cannot
     *     be asked about it
     */
    RenderedPrompt shape(PromptDraft draft);
}
