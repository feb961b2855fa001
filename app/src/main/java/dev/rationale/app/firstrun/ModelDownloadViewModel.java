// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.app.fx.FxBatcher;
import dev.rationale.core.download.Download;
import dev.rationale.core.download.DownloadEvent;
import dev.rationale.core.download.ModelDownloader;
import dev.rationale.core.download.RecommendedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The "download a recommended model" part of first run: which model, the running download's progress, the
 * checksum's verdict and how it ended. The downloader resumes a cancelled or broken download from its partial file
 * when started again. Download events arrive on the downloader's thread and are handed to the FX executor in
 * batches. Touch it on the FX thread.
 */
public final class ModelDownloadViewModel {

    /** {@link #progressProperty()} while the size is not known yet, as ProgressBar takes it. */
    public static final double INDETERMINATE = -1;

    private final ModelDownloader downloader;
    private final Path modelsDirectory;
    private final Executor fx;
    private final ObservableList<RecommendedModel> models;
    private final ObjectProperty<@Nullable RecommendedModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<DownloadState> state = new ReadOnlyObjectWrapper<>(this, "state",
            DownloadState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper checksum = new ReadOnlyStringWrapper(this, "checksum", "");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper(this, "verified");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<@Nullable Path> downloadedFile = new ReadOnlyObjectWrapper<>(this,
            "downloadedFile");
    private @Nullable Download running;

    /**
     * @param models the models offered, e.g. {@code RecommendedModels.all()}; the first is selected
     * @param modelsDirectory where downloads go
     * @param fx hands download events to the FX thread
     */
    public ModelDownloadViewModel(ModelDownloader downloader, List<RecommendedModel> models, Path modelsDirectory,
            Executor fx) {
        this.downloader = downloader;
        this.modelsDirectory = modelsDirectory;
        this.fx = fx;
        this.models = FXCollections.observableArrayList(models);
        selected.set(models.isEmpty() ? null : models.getFirst());
        selected.addListener((obs, old, now) -> {
            if (state.get() != DownloadState.RUNNING) {
                reset(DownloadState.IDLE);
            }
        });
    }

    /** Downloads the selected model, resuming a partial file of an earlier attempt. */
    public void start() {
        RecommendedModel model = selected.get();
        if (model == null || state.get() == DownloadState.RUNNING) {
            return;
        }
        reset(DownloadState.RUNNING);
        progress.set(INDETERMINATE);
        progressText.set("Connecting…");
        FxBatcher<DownloadEvent> events = new FxBatcher<>(fx, batch -> batch.forEach(this::apply));
        try {
            running = downloader.start(model, modelsDirectory, events::add);
        } catch (RejectedExecutionException e) {
            // The application is shutting down its executors.
            reset(DownloadState.FAILED);
            message.set("The download could not start: the application is closing.");
        }
    }

    /** Stops the download; the partial file stays, so {@link #start()} resumes it. */
    public void cancel() {
        Download download = running;
        if (download != null) {
            download.cancel();
        }
    }

    private void apply(DownloadEvent event) {
        switch (event) {
            case DownloadEvent.Progress p -> showProgress(p.bytes(), p.total());
            case DownloadEvent.Verified v -> {
                verified.set(true);
                checksum.set("Verified SHA-256 " + v.sha256().substring(0, 16) + "…");
            }
            case DownloadEvent.NotVerified n -> checksum.set("Not verified: " + n.reason());
            case DownloadEvent.Done done -> {
                running = null;
                downloadedFile.set(done.file());
                progress.set(1);
                message.set("Saved as " + done.file().getFileName() + " in the models folder.");
                state.set(DownloadState.DONE);
            }
            case DownloadEvent.Failed failed -> {
                running = null;
                message.set(failed.message());
                state.set(DownloadState.FAILED);
            }
            case DownloadEvent.Cancelled cancelled -> {
                running = null;
                message.set(cancelled.bytesKept() > 0 ? "Cancelled; " + bytes(cancelled.bytesKept())
                        + " kept, and downloading again resumes from there." : "Cancelled.");
                state.set(DownloadState.CANCELLED);
            }
        }
    }

    private void showProgress(long bytes, long total) {
        if (total <= 0) {
            progress.set(INDETERMINATE);
            progressText.set(bytes(bytes) + " so far");
            return;
        }
        long percent = Math.min(100, bytes * 100 / total);
        progress.set(Math.min(1.0, (double) bytes / total));
        progressText.set(bytes(bytes) + " of " + bytes(total) + " (" + percent + " %)");
    }

    private void reset(DownloadState next) {
        state.set(next);
        progress.set(0);
        progressText.set("");
        checksum.set("");
        verified.set(false);
        message.set("");
    }

    /** A size as people read it, in decimal units like download sites: "145 MB", "1.1 MB", "640 kB". */
    public static String bytes(long count) {
        if (count >= 100_000_000L) {
            return String.format(Locale.ROOT, "%d MB", Math.round(count / 1_000_000.0));
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", count / 1_000_000.0);
        }
        if (count >= 1_000L) {
            return String.format(Locale.ROOT, "%d kB", Math.round(count / 1_000.0));
        }
        return count + " bytes";
    }

    /** Where downloads go. */
    public Path getModelsDirectory() {
        return modelsDirectory;
    }

    public ObservableList<RecommendedModel> getModels() {
        return models;
    }

    /** The model to download; changing it while nothing runs clears the last outcome. */
    public ObjectProperty<@Nullable RecommendedModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<DownloadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0 to 1, or {@link #INDETERMINATE} while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Bytes so far, the total and the percentage, e.g. "12.5 MB of 145 MB (8 %)". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The checksum's verdict: "Verified SHA-256 …" or "Not verified: …"; empty until the file is complete. */
    public ReadOnlyStringProperty checksumProperty() {
        return checksum.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    /** How the download ended, in one line: where the file is, why it failed, or what a cancel kept. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The complete file once the download is done; null before. */
    public ReadOnlyObjectProperty<@Nullable Path> downloadedFileProperty() {
        return downloadedFile.getReadOnlyProperty();
    }
}
