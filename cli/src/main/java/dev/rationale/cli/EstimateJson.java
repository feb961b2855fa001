// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.cost.EvalEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object {@code rationale eval --dry-run --json} prints: the totals, the threshold above which a run asks for
 * {@code --yes}, and per target how each figure was arrived at ({@code promptCounted}: {@code tokenizer} or
 * {@code estimated}, with how many of the {@code prompts} the tokenizer counted, the rest scaled by length;
 * {@code outputBasis}: {@code max tokens} or {@code assumed}).
 */
final class EstimateJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EstimateJson() {
    }

    static String of(EvalEstimate estimate, double confirmAbove) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requests", estimate.requests());
        root.put("completions", estimate.completions());
        root.put("promptTokens", estimate.promptTokens());
        root.put("outputTokens", estimate.outputTokens());
        root.put("cost", estimate.cost());
        root.put("currency", "USD");
        root.put("batch", estimate.batch());
        root.put("pricesChecked", estimate.checked());
        root.put("confirmAbove", confirmAbove);
        root.put("unpriced", estimate.unpriced());
        List<Map<String, Object>> targets = new ArrayList<>();
        for (EvalEstimate.Line line : estimate.lines()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", line.target());
            json.put("endpoint", line.endpoint());
            json.put("model", line.model());
            json.put("requests", line.requests());
            json.put("completions", line.completions());
            json.put("promptTokens", line.promptTokens());
            json.put("promptCounted", line.promptExact() ? "tokenizer" : "estimated");
            json.put("prompts", line.prompts());
            json.put("promptsCounted", line.promptsCounted());
            json.put("outputTokens", line.outputTokens());
            json.put("outputBasis", line.outputAssumed() ? "assumed" : "max tokens");
            json.put("cost", line.cost());
            targets.add(json);
        }
        root.put("targets", targets);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the estimate as JSON", e);
        }
    }
}
