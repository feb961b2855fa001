// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.Variant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --chat-layout multi-turn|single-message}: how a raw-text variant becomes chat, over its own layout. */
final class ChatLayoutOption {
    @Option(names = "--chat-layout", paramLabel = "LAYOUT", converter = Converter.class,
            description = "How a text variant becomes chat messages where the backend or model takes chat:"
                    + " multi-turn (exemplars as turns) or single-message (the text prompt in one message)."
                    + " Default: each variant's own (multi-turn unless it says otherwise).")
    private @Nullable ChatLayout layout;

    boolean given() {
        return layout != null;
    }

    /** The variant with the layout given, or unchanged when none is. */
    Variant applyTo(Variant variant) {
        return layout == null ? variant : variant.withChatLayout(layout);
    }

    /** The layout given, or null to keep each variant's own. */
    @Nullable ChatLayout layout() {
        return layout;
    }

    /** Reads a layout by the name files use, so the option and the prompt-set field take the same words. */
    static final class Converter implements ITypeConverter<ChatLayout> {
        @Override
        public ChatLayout convert(String value) {
            return ChatLayout.parse(value).orElseThrow(() -> new TypeConversionException("\"" + value
                    + "\" is not a chat layout (one of: " + Arrays.stream(ChatLayout.values()).map(ChatLayout::id)
                    .collect(Collectors.joining(", ")) + ")"));
        }
    }
}
