// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.ModelPrice;
import dev.rationale.core.cost.PriceTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The price of each target of a plan, looked up once, and what its cells cost: computed from the tokens the
 * results record (the provider's reported usage), never stored. Immutable.
 */
public final class TargetPrices {
    private final Map<String, Optional<ModelPrice>> byTarget;
    private final String checked;

    private TargetPrices(Map<String, Optional<ModelPrice>> byTarget, String checked) {
        this.byTarget = byTarget;
        this.checked = checked;
    }

    public static TargetPrices of(PriceTable table, List<EvalTarget> targets) {
        Map<String, Optional<ModelPrice>> prices = new LinkedHashMap<>();
        for (EvalTarget target : targets) {
            prices.put(target.id(), table.find(target.endpoint().name(), target.endpoint().kind(), target.model()));
        }
        return new TargetPrices(prices, table.checked());
    }

    /** The target's price; empty when the table has none, or the target is not in the plan. */
    public Optional<ModelPrice> price(String target) {
        return byTarget.getOrDefault(target, Optional.empty());
    }

    /** What the cell cost; null when its target has no price. */
    public @Nullable Double cost(CellMetrics cell) {
        return price(cell.target()).map(cell::cost).orElse(null);
    }

    /** The cell's cost as tables show it, {@link CostText#UNKNOWN} without a price. */
    public String costText(CellMetrics cell) {
        Double cost = cost(cell);
        return cost == null ? CostText.UNKNOWN : CostText.usd(cost);
    }

    /** The cost of the cells whose target has a price. */
    public double total(List<CellMetrics> cells) {
        return cells.stream().mapToDouble(c -> {
            Double cost = cost(c);
            return cost == null ? 0 : cost;
        }).sum();
    }

    /** Whether every target is priced and free: nothing to estimate or confirm. */
    public boolean allFree() {
        return byTarget.values().stream().allMatch(p -> p.isPresent() && p.get().isFree());
    }

    /** The targets without a price, by id. */
    public List<String> unpriced() {
        return byTarget.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** The run's cost line: the total, the day the prices were checked, and the targets left out. */
    public String totalText(List<CellMetrics> cells) {
        return CostText.total(total(cells), checked, unpriced());
    }

    public String checked() {
        return checked;
    }
}
