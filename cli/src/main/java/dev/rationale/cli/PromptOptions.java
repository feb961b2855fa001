// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.run.RunRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --prompt TEXT | --prompt-file F | --set FILE --task ID --variant ID --case N}: what a run sends. */
final class PromptOptions {

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt itself.")
    @Nullable String text;

    @Option(names = "--prompt-file", paramLabel = "FILE", description = "A file holding the prompt (UTF-8).")
    @Nullable Path file;

    @ArgGroup(exclusive = false)
    @Nullable FromSet fromSet;

    static final class FromSet {
        @Option(names = "--set", paramLabel = "FILE", required = true, description = "A prompt set.")
        Path set;

        @Option(names = "--task", paramLabel = "ID", description = "The task (default: the first).")
        @Nullable String task;

        @Option(names = "--variant", paramLabel = "ID", description = "The variant (default: the task's first).")
        @Nullable String variant;

        @Option(names = "--case", paramLabel = "N|ID", description = "The test case (default: 1).")
        @Nullable String testCase;
    }

    /**
     * A prompt before it is shaped for a backend (its variant's chat layout inside it), and the generation settings
     * that come with it (a prompt set's defaults and its variant's).
     */
    record Prepared(PromptDraft draft, GenerationSettings settings, AnswerFormat format) {
    }

    /**
     * The prompt to send, unshaped. A plain prompt has no settings of its own, no preferred shape and the default
     * answer format; a prompt set's variant brings its shape, chat layout and settings, and its task the format.
     */
    Prepared prepare() {
        if (fromSet != null) {
            PromptSet set = PromptSetFiles.load(fromSet.set);
            Task task = fromSet.task == null ? set.tasks().getFirst() : set.task(fromSet.task).orElseThrow(
                    () -> new RenderException("no task \"" + fromSet.task + "\" in " + fromSet.set.getFileName()));
            Variant variant = fromSet.variant == null ? task.variants().getFirst()
                    : task.variant(fromSet.variant).orElseThrow(() -> new RenderException(
                            "no variant \"" + fromSet.variant + "\" in task \"" + task.id() + "\""));
            PromptDraft draft = PromptRenderer.draft(task, variant,
                    CaseReference.resolve(task, fromSet.testCase == null ? "1" : fromSet.testCase));
            return new Prepared(draft, RunRequests.effective(set, variant, null), task.effectiveAnswer());
        }
        String prompt = text != null ? text : read(file);
        return new Prepared(PromptDraft.plain(prompt), GenerationSettings.NONE, AnswerFormat.DEFAULT);
    }

    boolean given() {
        return text != null || file != null || fromSet != null;
    }

    private static String read(@Nullable Path path) {
        if (path == null) {
            throw new RationaleException("give a prompt with --prompt, --prompt-file or --set");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RationaleException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
