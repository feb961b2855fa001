// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.promptset.GenerationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps endpoints onto promptfoo providers. Every OpenAI-compatible server (OpenAI, vLLM, LM Studio, and the
 * {@code /v1} API of Ollama and llama.cpp's server) becomes {@code openai:chat:MODEL} for the chat variants and
 * {@code openai:completion:MODEL} for the raw-text ones, each limited to its variants' prompts. Variants with
 * settings of their own get a provider of their own, because promptfoo's completion provider ignores a prompt's
 * {@code config}; the settings are the set's defaults, then the target's, then the variant's. The key is named
 * by its environment variable ({@code apiKeyEnvar}), never written; a server without a key gets
 * {@code apiKeyRequired: false}. Anthropic, Gemini and the embedded engine are not mapped and are listed.
 */
final class PromptfooProviders {
    private PromptfooProviders() {
    }

    /**
     * Prompts that run with the same settings on the same kind of endpoint.
     *
     * @param name how the provider's label tells the group apart, e.g. {@code text} or {@code chat, cot}
     */
    record PromptGroup(String name, boolean chat, GenerationSettings settings, List<String> labels) {
    }

    static List<ObjectNode> of(List<ProviderTarget> targets, GenerationSettings defaults, List<PromptGroup> groups,
            List<String> notMapped) {
        List<ObjectNode> providers = new ArrayList<>();
        for (ProviderTarget target : targets) {
            Optional<String> base = openAiBase(target);
            if (base.isEmpty()) {
                notMapped.add("model \"" + target.label() + "\": a " + target.endpoint().kind().id()
                        + " endpoint has no promptfoo provider Rationale can write; add one by hand");
                continue;
            }
            GenerationSettings targetSettings = defaults.overriddenBy(target.settings());
            ObjectNode key = key(target, base.get(), notMapped);
            for (PromptGroup group : groups) {
                ObjectNode config = key.deepCopy();
                config.setAll(settings(targetSettings.overriddenBy(group.settings())));
                providers.add(provider(group.chat() ? "openai:chat:" : "openai:completion:", target,
                        " (" + group.name() + ")", config, group.labels()));
            }
        }
        return providers;
    }

    private static ObjectNode provider(String kind, ProviderTarget target, String suffix, ObjectNode config,
            List<String> prompts) {
        ObjectNode provider = JsonNodeFactory.instance.objectNode();
        provider.put("id", kind + target.model());
        provider.put("label", target.label() + suffix);
        prompts.forEach(provider.putArray("prompts")::add);
        provider.set("config", config);
        return provider;
    }

    private static Optional<String> openAiBase(ProviderTarget target) {
        String base = target.endpoint().effectiveBaseUrl().replaceAll("/+$", "");
        return switch (target.endpoint().kind()) {
            case OPENAI, OPENAI_TEXT -> Optional.of(base);
            case OLLAMA, LLAMACPP -> Optional.of(base.endsWith("/v1") ? base : base + "/v1");
            case ANTHROPIC, GEMINI, EMBEDDED, POOL -> Optional.empty();
        };
    }

    private static ObjectNode key(ProviderTarget target, String base, List<String> notMapped) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("apiBaseUrl", base);
        KeyReference key = target.endpoint().effectiveKey();
        if (key.env() != null) {
            config.put("apiKeyEnvar", key.env());
        } else {
            config.put("apiKeyRequired", false);
            if (key.keychain() != null) {
                notMapped.add("model \"" + target.label() + "\": its key is in the keychain (" + key.describe()
                        + "); promptfoo reads keys from environment variables, so set one and add apiKeyEnvar");
            }
        }
        return config;
    }

    /** Settings under the names OpenAI's API gives them, as promptfoo passes them on. */
    private static ObjectNode settings(GenerationSettings settings) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (settings.temperature() != null) {
            config.put("temperature", settings.temperature());
        }
        if (settings.topP() != null) {
            config.put("top_p", settings.topP());
        }
        if (settings.maxTokens() != null) {
            config.put("max_tokens", settings.maxTokens());
        }
        if (!settings.stop().isEmpty()) {
            settings.stop().forEach(config.putArray("stop")::add);
        }
        if (settings.seed() != null) {
            config.put("seed", settings.seed());
        }
        return config;
    }
}
