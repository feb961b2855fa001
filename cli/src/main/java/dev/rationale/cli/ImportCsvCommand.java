// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.dataset.DatasetFormat;
import picocli.CommandLine.Command;

/** {@code rationale import csv}: test cases from a CSV file. */
@Command(
        name = "csv",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Import test cases from a CSV file. The header row names the columns:",
            "'expected' (or 'answer', 'target') holds the answer, an optional 'id'",
            "the case id, an optional 'target_scores' a multiple-choice case's options",
            "as a JSON object of option to score (kept in the set), and every other",
            "column is an input."
        })
final class ImportCsvCommand extends CaseFileImport {
    @Override
    DatasetFormat format() {
        return DatasetFormat.CSV;
    }
}
