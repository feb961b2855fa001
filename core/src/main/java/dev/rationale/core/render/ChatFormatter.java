// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import java.util.List;

/** A model's chat template, applied by whoever knows it (llama.cpp in process, a llama.cpp server). */
@FunctionalInterface
public interface ChatFormatter {

    /**
     * The messages as the template writes them, ending with the opening of the assistant's reply. May block (a
     * server call); call it off the UI thread.
     *
     * @throws dev.rationale.core.RationaleException when the template cannot be applied
     */
    String format(List<ChatMessage> messages);

    /**
     * This template with its thinking switch ({@code enable_thinking}) set to {@code on}; the same formatter when
     * the template has no switch or whoever applies it cannot set one.
     */
    default ChatFormatter withThinking(boolean on) {
        return this;
    }
}
