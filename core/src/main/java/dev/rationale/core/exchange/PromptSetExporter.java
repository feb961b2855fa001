// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import java.util.List;

/**
 * The one entry point for exports: the selected part of a set in the chosen format. Pure; safe from any thread.
 */
public final class PromptSetExporter {
    private PromptSetExporter() {
    }

    /**
     * @param targets the models a format that runs the set elsewhere (promptfoo) should name; others ignore it
     * @throws dev.rationale.core.RationaleException when the selection names a task or variant the set lacks
     */
    public static Exported export(PromptSet set, ExportFormat format, ExportSelection selection,
            List<ProviderTarget> targets) {
        PromptSet selected = selection.apply(set);
        return switch (format) {
            case JSON -> new Exported(PromptSetFiles.toJson(selected), List.of());
            case YAML -> new Exported(PromptSetFiles.toYaml(selected), List.of());
            case PROMPTFOO -> PromptfooWriter.write(selected, targets);
            case MARKDOWN -> MarkdownWriter.write(selected);
        };
    }
}
