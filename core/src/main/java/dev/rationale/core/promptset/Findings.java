// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the validator's errors and warnings, placing each at its field's location in the file. */
final class Findings {
    static final String REQUIRED = "is required";

    // Line 0 (no known place) sorts first; the sort is stable, so problems at one place keep their order.
    static final Comparator<Problem> FILE_ORDER =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    private final String file;
    private final SourceMap map;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Findings(String file, SourceMap map) {
        this.file = file;
        this.map = map;
    }

    void error(String path, String message) {
        errors.add(Problem.at(file, map.locate(path), path, message));
    }

    void warning(String path, String message) {
        warnings.add(Problem.at(file, map.locate(path), path, message));
    }

    /** Reports a missing or blank required text field; true when the text is there. */
    boolean requireText(@Nullable String value, String path) {
        if (value == null) {
            error(path, REQUIRED);
            return false;
        }
        if (value.isBlank()) {
            error(path, "must not be blank");
            return false;
        }
        return true;
    }

    /** Reports a null list element (a {@code null} in the file); true when the element is there. */
    boolean requireElement(@Nullable Object element, String path) {
        if (element == null) {
            error(path, "expected an object, got null");
            return false;
        }
        return true;
    }

    ValidationReport report() {
        List<Problem> sortedErrors = new ArrayList<>(errors);
        List<Problem> sortedWarnings = new ArrayList<>(warnings);
        sortedErrors.sort(FILE_ORDER);
        sortedWarnings.sort(FILE_ORDER);
        return new ValidationReport(sortedErrors, sortedWarnings);
    }
}
