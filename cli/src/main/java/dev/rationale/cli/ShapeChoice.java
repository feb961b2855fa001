// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.PromptShape;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --text | --chat}: the shape a run must send, whatever the backend and model would take best. */
final class ShapeChoice {
    @Option(names = "--text", description = "Send raw text (a chat variant in its text layout); refused where the"
            + " backend takes chat only.")
    boolean text;

    @Option(names = "--chat", description = "Send chat messages (a text variant laid out by --chat-layout);"
            + " refused where the model has no chat template.")
    boolean chat;

    /** The shape forced, or null to let the backend and model decide. */
    @Nullable PromptShape forced() {
        return text ? PromptShape.TEXT : chat ? PromptShape.CHAT : null;
    }
}
