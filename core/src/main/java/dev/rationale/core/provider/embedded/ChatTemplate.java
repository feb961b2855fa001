// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.rationale.core.render.ChatMessage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Formats chat messages with a chat template through llama.cpp's {@code llama_chat_apply_template}. */
final class ChatTemplate {

    private ChatTemplate() {
    }

    /**
     * The messages formatted by {@code template} (a template text or a built-in name such as {@code chatml}),
     * ending with the assistant's opening; empty when llama.cpp does not recognise the template.
     */
    static Optional<String> apply(String template, List<ChatMessage> messages) {
        LlamaApi api = LlamaLibrary.load().api();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocate(LlamaLayouts.CHAT_MESSAGE, Math.max(1, messages.size()));
            long size = LlamaLayouts.CHAT_MESSAGE.byteSize();
            long contentOffset = size / 2;
            int characters = 0;
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage message = messages.get(i);
                array.set(ADDRESS, i * size, arena.allocateFrom(message.role().wireName()));
                array.set(ADDRESS, i * size + contentOffset,
                        arena.allocateFrom(message.content()));
                characters += message.content().length();
            }
            MemorySegment templateText = arena.allocateFrom(template);
            MemorySegment buffer = arena.allocate(2L * characters + 1024);
            int length = api.chatApplyTemplate(templateText, array, messages.size(), buffer);
            if (length < 0) {
                return Optional.empty();
            }
            if (length > buffer.byteSize()) {
                buffer = arena.allocate(length + 1L);
                length = api.chatApplyTemplate(templateText, array, messages.size(), buffer);
            }
            return Optional.of(new String(buffer.asSlice(0, length).toArray(JAVA_BYTE), StandardCharsets.UTF_8));
        }
    }
}
