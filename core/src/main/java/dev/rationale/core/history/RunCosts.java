// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.ModelPrice;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.cost.TokenTotals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a stored run's cells cost: the tokens the history kept for them ({@link CellTally#liveTokens},
 * {@link CellTally#batchTokens}) at the prices of the table in force when asked. Immutable.
 */
public final class RunCosts {
    private final PriceTable table;
    private final Map<RunTarget, Optional<ModelPrice>> prices = new LinkedHashMap<>();

    private RunCosts(PriceTable table, List<CellTally> cells) {
        this.table = table;
        for (CellTally cell : cells) {
            prices.computeIfAbsent(cell.target(), t -> table.find(t.endpoint(), t.kind(), t.model()));
        }
    }

    public static RunCosts of(PriceTable table, List<CellTally> cells) {
        return new RunCosts(table, cells);
    }

    /** What the cell cost; null when its target has no price. */
    public @Nullable Double cost(CellTally cell) {
        Optional<ModelPrice> price = prices.computeIfAbsent(cell.target(),
                t -> table.find(t.endpoint(), t.kind(), t.model()));
        return price.map(cell::cost).orElse(null);
    }

    /**
     * What one stored completion cost, as a line: its reported tokens at its model's price, "—" without a price or
     * without reported usage.
     */
    public String costText(CompletionRecord completion) {
        RunTarget target = completion.key().target();
        Optional<ModelPrice> price = prices.computeIfAbsent(target, t -> table.find(t.endpoint(), t.kind(),
                t.model()));
        if (completion.usage() == null || price.isEmpty()) {
            return CostText.UNKNOWN;
        }
        return CostText.usd(price.get().cost(TokenTotals.of(completion.usage()), completion.batch()))
                + (completion.batch() ? " (batch price)" : "");
    }

    /** The cell's cost as tables show it, {@link CostText#UNKNOWN} without a price. */
    public String costText(CellTally cell) {
        Double cost = cost(cell);
        return cost == null ? CostText.UNKNOWN : CostText.usd(cost);
    }

    /** The cost of the cells whose target has a price. */
    public double total(List<CellTally> cells) {
        return cells.stream().mapToDouble(c -> {
            Double cost = cost(c);
            return cost == null ? 0 : cost;
        }).sum();
    }

    /** The targets without a price, as lists show them. */
    public List<String> unpriced() {
        return prices.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey().label()).toList();
    }

    /** The run's cost line ({@link CostText#total}). */
    public String totalText(List<CellTally> cells) {
        return CostText.total(total(cells), table.checked(), unpriced());
    }

    public String checked() {
        return table.checked();
    }
}
