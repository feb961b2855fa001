// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.Debounced;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.workspace.RecoveryFile;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The recovery copy of the open document's unsaved edits: written to the {@link RecoveryFile} on the background
 * executor once edits pause, deleted when the document is saved or its edits are given up. Follows the document
 * itself; touch it on the FX thread only.
 */
public final class RecoveryCopy {

    private static final Logger LOG = System.getLogger(RecoveryCopy.class.getName());

    private final PromptSetDocument document;
    private final RecoveryFile recovery;
    private final Executor background;
    private final Debounced<Snapshot, Boolean> autosave;

    // What the recovery copy is written from: captured on the FX thread, written on the background one.
    private record Snapshot(PromptSet set, @Nullable Path file) {
    }

    /** @param delay how long edits must pause before the copy is written */
    public RecoveryCopy(PromptSetDocument document, RecoveryFile recovery, Executor fx, Executor background,
            Duration delay) {
        this.document = document;
        this.recovery = recovery;
        this.background = background;
        this.autosave = new Debounced<>(fx, background, delay, this::write, ok -> { });
        initListeners();
    }

    private void initListeners() {
        document.promptSetProperty().addListener((obs, old, now) -> {
            if (document.isDirty()) {
                autosave.submit(new Snapshot(now, document.getFile()));
            }
        });
        document.dirtyProperty().addListener((obs, was, dirty) -> {
            // The first edit changes the content before it marks the document dirty, so it is copied from here.
            if (dirty) {
                autosave.submit(new Snapshot(document.getPromptSet(), document.getFile()));
            } else {
                discard();
            }
        });
    }

    /** Reads what the last session left; call off the FX thread. Empty when there is nothing to restore. */
    Optional<RecoveryFile.Recovered> read() throws IOException {
        return recovery.read();
    }

    /** Where the unsaved edits are kept, for a message that says where they still are. */
    Path contentFile() {
        return recovery.contentFile();
    }

    /** Drops pending and written copies: the edits were saved or the user chose to lose them. */
    public void discard() {
        autosave.cancel();
        delete();
    }

    /** Stops pending work; a copy of unsaved edits stays for the next start. */
    public void dispose() {
        if (!document.isDirty()) {
            autosave.cancel();
        }
    }

    /** Deletes the written copy, off the FX thread. */
    void delete() {
        background.execute(() -> {
            synchronized (recovery) {
                try {
                    recovery.delete();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the recovery copy", e);
                }
            }
        });
    }

    private Boolean write(Snapshot snapshot) {
        // Two writes may overlap on the background executor; one at a time keeps the newest last.
        synchronized (recovery) {
            try {
                recovery.write(snapshot.set(), snapshot.file());
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write the recovery copy of unsaved edits", e);
                return false;
            }
        }
    }
}
