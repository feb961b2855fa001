// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The copy of unsaved edits that survives a crash: the open prompt set as it was when typing last paused, and the
 * file it belongs to. The app writes it while the document is dirty and deletes it on save or a clean exit, so
 * finding one at start-up means the last session ended with edits unsaved.
 */
public final class RecoveryFile {

    /** What was recovered: the unsaved content and the file it belongs to (null for a set never saved). */
    public record Recovered(PromptSet promptSet, @Nullable Path original) {
    }

    private static final String CONTENT = "unsaved.rationale.json";
    private static final String ORIGIN = "unsaved.origin";

    private final Path folder;

    /** @param folder where the recovery files live, e.g. {@code CONFIG/recovery}; created when first written */
    public RecoveryFile(Path folder) {
        this.folder = folder;
    }

    /** Replaces the recovery copy with {@code set}, recorded as belonging to {@code original}. */
    public void write(PromptSet set, @Nullable Path original) throws IOException {
        // The content goes last: a crash between the two writes leaves a stale origin, never a wrong content.
        AtomicFiles.writeString(folder.resolve(ORIGIN),
                original == null ? "" : original.toAbsolutePath().normalize().toString());
        AtomicFiles.write(folder.resolve(CONTENT), PromptSetFiles.toJson(set).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The recovery copy, if there is one.
     *
     * @throws dev.rationale.core.promptset.InvalidPromptSetException when it exists but does not read as a prompt
     *     set (it is left in place, so the user can still open it by hand)
     */
    public Optional<Recovered> read() throws IOException {
        Path content = folder.resolve(CONTENT);
        if (!Files.isRegularFile(content)) {
            return Optional.empty();
        }
        PromptSet set = PromptSetFiles.fromJson(Files.readString(content), content.toString());
        Path origin = folder.resolve(ORIGIN);
        String original = Files.isRegularFile(origin) ? Files.readString(origin).strip() : "";
        return Optional.of(new Recovered(set, original.isEmpty() ? null : Path.of(original)));
    }

    /** Where the content is kept, for messages that tell the user where to look. */
    public Path contentFile() {
        return folder.resolve(CONTENT);
    }

    /** Deletes the recovery copy; nothing happens when there is none. */
    public void delete() throws IOException {
        Files.deleteIfExists(folder.resolve(CONTENT));
        Files.deleteIfExists(folder.resolve(ORIGIN));
    }
}
