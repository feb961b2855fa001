// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link EvalEstimate} as lines of plain text, the same on the command line and in the app's dialog. */
public final class EstimateText {

    private EstimateText() {
    }

    /** A heading line, one line per target, and a total line; every figure says how it was arrived at. */
    public static List<String> lines(EvalEstimate estimate) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Estimate: %,d requests, %,d completions, %,d prompt tokens, up to %,d "
                + "output tokens", estimate.requests(), estimate.completions(), estimate.promptTokens(),
                estimate.outputTokens()));
        for (EvalEstimate.Line line : estimate.lines()) {
            lines.add(String.format(Locale.ROOT, "  %s (%s/%s): %,d requests, %,d prompt tokens (%s), up to %,d "
                    + "output tokens (%s), %s", line.target(), line.endpoint(), line.model(), line.requests(),
                    line.promptTokens(), counted(line),
                    line.outputTokens(), line.outputAssumed()
                            ? "assumed " + EvalEstimate.ASSUMED_OUTPUT_TOKENS + " a completion where no max tokens"
                            : "max tokens", line.cost() == null ? "no price" : CostText.usd(line.cost())));
        }
        lines.add(total(estimate));
        return lines;
    }

    private static String counted(EvalEstimate.Line line) {
        if (!line.promptExact()) {
            return "estimated, 4 characters a token";
        }
        return line.promptsCounted() == line.prompts() ? "tokenizer" : String.format(Locale.ROOT,
                "tokenizer on %,d of %,d prompts, the rest scaled by their length", line.promptsCounted(),
                line.prompts());
    }

    /** The total line: the cost, whether it is at the batch price, and the day the prices were checked. */
    public static String total(EvalEstimate estimate) {
        StringBuilder text = new StringBuilder("Cost: about ").append(CostText.usd(estimate.cost()));
        if (estimate.batch()) {
            text.append(" at the batch price");
        }
        text.append(" (prices checked ").append(estimate.checked()).append(')');
        List<String> unpriced = estimate.unpriced();
        if (!unpriced.isEmpty()) {
            text.append("; no price for ").append(String.join(", ", unpriced))
                    .append(" (add it to prices.json)");
        }
        return text.toString();
    }
}
