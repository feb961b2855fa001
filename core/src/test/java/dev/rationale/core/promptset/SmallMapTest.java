// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallMapTest {

    private static Map<String, String> inputs(int size) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = size; i > 0; i--) {
            map.put("k" + i, "v" + i);
        }
        return map;
    }

    @Test
    void keepsTheOrderTheEntriesCameInAndEqualsTheMapItCopies() {
        Map<String, String> original = inputs(5);

        Map<String, String> copy = Lists.copyOf(original);

        assertThat(copy).isInstanceOf(SmallMap.class).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(new ArrayList<>(copy.keySet())).containsExactly("k5", "k4", "k3", "k2", "k1");
        assertThat(copy.get("k3")).isEqualTo("v3");
        assertThat(copy.get("missing")).isNull();
        assertThat(copy.containsKey("k1")).isTrue();
        assertThat(copy).hasToString(original.toString());
    }

    @Test
    void keepsANullValueForTheValidatorToReport() {
        Map<String, String> original = new LinkedHashMap<>();
        original.put("question", null);

        Map<String, String> copy = Lists.copyOf(original);

        assertThat(copy.containsKey("question")).isTrue();
        assertThat(copy.get("question")).isNull();
        assertThat(copy).isEqualTo(original);
    }

    @Test
    void cannotBeChanged() {
        Map<String, String> copy = Lists.copyOf(inputs(2));

        assertThatThrownBy(() -> copy.put("k9", "v9")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLargerMapIsKeptInAHashMapInItsOrder() {
        Map<String, String> original = inputs(Lists.SMALL + 1);

        Map<String, String> copy = Lists.copyOf(original);

        assertThat(copy).isNotInstanceOf(SmallMap.class).isEqualTo(original);
        assertThat(List.copyOf(copy.keySet())).isEqualTo(List.copyOf(original.keySet()));
        assertThatThrownBy(() -> copy.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyOrAbsentMapIsEmpty() {
        assertThat(Lists.copyOf((Map<String, String>) null)).isEmpty();
        assertThat(Lists.copyOf(new LinkedHashMap<>())).isEmpty();
    }
}
