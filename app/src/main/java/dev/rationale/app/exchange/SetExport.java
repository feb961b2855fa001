// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.exchange;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.exchange.ExportFormat;
import dev.rationale.core.exchange.ExportSelection;
import dev.rationale.core.exchange.Exported;
import dev.rationale.core.exchange.OpenAiBatchExport;
import dev.rationale.core.exchange.PromptSetExporter;
import dev.rationale.core.exchange.ProviderTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The entries of File &gt; Export. The prompt-set formats carry the whole set; promptfoo names the run bar's endpoint
 * and model as its provider; the OpenAI Batch file holds the task on screen for the run bar's model, because a batch
 * is one model's requests.
 */
public enum SetExport {
    JSON("Prompt set as JSON…", ".rationale.json", ExportFormat.JSON),
    YAML("Prompt set as YAML…", ".rationale.yaml", ExportFormat.YAML),
    PROMPTFOO("promptfoo configuration…", ".promptfooconfig.yaml", ExportFormat.PROMPTFOO),
    MARKDOWN("Markdown for people…", ".md", ExportFormat.MARKDOWN),
    OPENAI_BATCH("OpenAI Batch requests for this task…", ".batch.jsonl", null);

    private final String label;
    private final String suffix;
    private final @Nullable ExportFormat format;

    SetExport(String label, String suffix, @Nullable ExportFormat format) {
        this.label = label;
        this.suffix = suffix;
        this.format = format;
    }

    public String label() {
        return label;
    }

    /** A file name for the set named {@code base}, with this format's ending. */
    public String suggestedName(String base) {
        return base + suffix;
    }

    /**
     * Writes the export to {@code out}. Blocks; not on the FX thread.
     *
     * @param task the task on screen (the batch's task)
     * @param endpoint the run bar's endpoint; null when none is chosen
     * @param model the run bar's model; blank when none is chosen
     * @return what the format could not carry, one line each
     * @throws RationaleException when the export needs a model or endpoint that is not chosen, or cannot be written
     */
    public List<String> write(PromptSet set, Task task, @Nullable Endpoint endpoint, String model, Path out) {
        if (format == null) {
            return writeBatch(set, task, model, out);
        }
        List<ProviderTarget> targets = format == ExportFormat.PROMPTFOO && endpoint != null && !model.isBlank()
                ? List.of(new ProviderTarget(endpoint.name() + "/" + model, endpoint, model, GenerationSettings.NONE))
                : List.of();
        Exported exported = PromptSetExporter.export(set, format, ExportSelection.ALL, targets);
        save(out, exported.text());
        return exported.notMapped();
    }

    private static List<String> writeBatch(PromptSet set, Task task, String model, Path out) {
        if (model.isBlank()) {
            throw new RationaleException("choose a model in the run bar: the batch's requests name it");
        }
        StringWriter text = new StringWriter();
        OpenAiBatchExport.Written written = OpenAiBatchExport.write(set, task, task.variants(), model,
                OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS, text);
        save(out, text.toString());
        return written.skipped();
    }

    private static void save(Path out, String text) {
        try {
            AtomicFiles.writeString(out, text);
        } catch (IOException e) {
            throw new RationaleException("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
