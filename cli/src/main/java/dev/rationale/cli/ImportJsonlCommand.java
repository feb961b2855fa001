// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.dataset.DatasetFormat;
import picocli.CommandLine.Command;

/** {@code rationale import jsonl}: test cases from a JSON Lines file. */
@Command(
        name = "jsonl",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {
            "Import test cases from a JSON Lines file: one object per line with an",
            "'inputs' object (or the inputs as plain fields), 'expected' (or 'answer',",
            "'target'; a list means several accepted answers), an optional 'id', and",
            "for a multiple-choice case 'target_scores', an object of option to score",
            "(kept in the set; its top-scored options are the answer when none is given)."
        })
final class ImportJsonlCommand extends CaseFileImport {
    @Override
    DatasetFormat format() {
        return DatasetFormat.JSONL;
    }
}
