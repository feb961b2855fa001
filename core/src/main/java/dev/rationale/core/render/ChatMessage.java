// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One message of a chat prompt. */
@JsonPropertyOrder({"role", "content"})
public record ChatMessage(ChatRole role, String content) {
    public static ChatMessage system(String content) {
        return new ChatMessage(ChatRole.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content);
    }
}
