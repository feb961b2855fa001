// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ThinkingFigures;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The lines Output writes about a run: its timings and usage, and the request it sent. */
final class OutputText {

    private OutputText() {
    }

    /** Timings, token counts and the finish reason, e.g. "first token 120 ms · total 1.50 s · 42 generated". */
    static String statistics(@Nullable Timings timings, @Nullable Usage usage, @Nullable FinishReason reason,
            int scored) {
        List<String> parts = new ArrayList<>();
        if (timings != null && timings.firstTokenMillis() != null) {
            parts.add(String.format(Locale.ROOT, "first token %.0f ms", timings.firstTokenMillis()));
        }
        if (timings != null) {
            parts.add(String.format(Locale.ROOT, "total %.2f s", timings.totalMillis() / 1000));
        }
        if (usage != null && usage.promptTokens() != null) {
            parts.add(usage.promptTokens() + " prompt tokens");
        }
        if (usage != null && usage.completionTokens() != null) {
            parts.add(usage.completionTokens() + " generated");
            if (timings != null && usage.completionTokens() > 0 && timings.totalMillis() > 0) {
                parts.add(String.format(Locale.ROOT, "%.1f tokens/s",
                        usage.completionTokens() * 1000.0 / timings.totalMillis()));
            }
        } else if (scored > 0) {
            parts.add(scored + " tokens");
        }
        String thinking = ThinkingFigures.of(usage, timings);
        if (!thinking.isEmpty()) {
            parts.add("thinking " + thinking);
        }
        if (reason != null) {
            parts.add("finish: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return String.join(" · ", parts);
    }

    /** The title of the folded thinking: "Thinking", with its tokens and time once known. */
    static String thinkingTitle(@Nullable Usage usage, @Nullable Timings timings) {
        String figures = ThinkingFigures.of(usage, timings);
        return figures.isEmpty() ? "Thinking" : "Thinking · " + figures;
    }

    /**
     * The model and the settings sent, what was adapted for the backend (when anything was), then the prompt as the
     * preview shows it (chat messages under their roles).
     */
    static String request(CompletionRequest request) {
        List<String> settings = new ArrayList<>(List.of(request.model()));
        add(settings, "temperature", request.temperature());
        add(settings, "top-p", request.topP());
        add(settings, "top-k", request.topK());
        add(settings, "min-p", request.minP());
        add(settings, "max tokens", request.maxTokens());
        add(settings, "seed", request.seed());
        add(settings, "thinking", request.thinking() == null ? null : request.thinking().id());
        if (request.logprobs()) {
            settings.add("logprobs" + (request.topLogprobs() == null || request.topLogprobs() == 0 ? ""
                    : " with top " + request.topLogprobs()));
        }
        if (!request.stop().isEmpty()) {
            settings.add("stop " + String.join(", ", request.stop().stream().map(OutputText::quoted).toList()));
        }
        String adapted = request.prompt().adaptation();
        return String.join(" · ", settings) + (adapted.isEmpty() ? "" : "\nAdapted: " + adapted) + "\n\n"
                + request.prompt().readable();
    }

    private static void add(List<String> parts, String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + " " + value);
        }
    }

    private static String quoted(String stop) {
        return "\"" + stop.replace("\n", "\\n") + "\"";
    }
}
