// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.RunKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** The History screen's drop-down filters: "all" (null) first, then each value, bound to a view model's property. */
final class FilterChoice {

    private FilterChoice() {
    }

    /** Runs by what started them: evaluations, prompts, Compare columns, branches. */
    static ComboBox<@Nullable RunKind> kind(ObjectProperty<@Nullable RunKind> property) {
        return of("history-kind", "all runs", RunKind.values(), RunKind::plural, property);
    }

    /** Completions by grade. */
    static ComboBox<@Nullable Verdict> grade(ObjectProperty<@Nullable Verdict> property) {
        return of("history-grade", "all grades", Verdict.values(),
                value -> value.name().toLowerCase(Locale.ROOT).replace('_', ' '), property);
    }

    private static <T extends Enum<T>> ComboBox<@Nullable T> of(String id, String all, T[] values,
            Function<T, String> name, ObjectProperty<@Nullable T> property) {
        List<@Nullable T> items = new ArrayList<>();
        items.add(null);
        items.addAll(Arrays.asList(values));
        ComboBox<@Nullable T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable T value) {
                return value == null ? all : name.apply(value);
            }

            @Override
            public @Nullable T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }
}
