// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A price file as written: the shipped {@code prices.json} or a user's override. Prices are US dollars per million
 * tokens; a model without {@code cachedInput} bills cached tokens as input, one without {@code reasoning} bills
 * thinking as output.
 *
 * @param checked the day the prices were last compared with the providers' pages (yyyy-mm-dd)
 * @param source what the prices were read from
 * @param confirmAbove an estimate above this many dollars asks before an evaluation starts
 */
record PriceFile(@Nullable Integer version, @Nullable String checked, @Nullable String source,
        @Nullable String currency, @Nullable Double confirmAbove, @Nullable Map<String, Provider> providers) {

    /** One provider's models, or an endpoint's when named after it. */
    record Provider(@Nullable Double batchDiscount, @Nullable Map<String, Model> models) {
    }

    record Model(@JsonProperty(required = true) Double input, @Nullable Double cachedInput,
            @JsonProperty(required = true) Double output, @Nullable Double reasoning, @Nullable Double batchDiscount,
            @Nullable String note) {
    }
}
