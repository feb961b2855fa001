// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The names the file uses for enum constants and record fields, so messages speak the file's language. */
public final class JsonNames {
    private JsonNames() {
    }

    /** The file's spelling of a constant, e.g. {@code few-shot-rationale} for {@code FEW_SHOT_RATIONALE}. */
    public static String of(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("an enum constant without its field: " + constant, e);
        }
    }

    /** Every constant of an enum in the file's spelling, in declaration order. */
    static List<String> constantsOf(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(of((Enum<?>) constant));
        }
        return names;
    }

    /** A record's fields in the order files list them, or none when the type declares no order. */
    static List<String> fieldsOf(Class<?> recordType) {
        JsonPropertyOrder order = recordType.getAnnotation(JsonPropertyOrder.class);
        return order == null ? List.of() : Arrays.asList(order.value());
    }
}
