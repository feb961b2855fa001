// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.app.fx.UserDialogs;
import dev.rationale.core.download.DetectedServer;
import dev.rationale.core.download.LocalServerProbe;
import dev.rationale.core.download.ModelDownloader;
import dev.rationale.core.download.RecommendedModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.embedded.gguf.GgufCheck;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * First run, for a user with no endpoint and no model: pick a GGUF file on disk, download a recommended model
 * ({@link #getDownload()}), use a server found running on this machine, or go on to the Endpoints dialog. The
 * choice ends the dialog ({@link #finishedProperty()}) and is its result ({@link #choiceProperty()}). Looking for
 * servers and saving an endpoint run on the background executor. Touch it on the FX thread.
 */
public final class FirstRunViewModel {

    private final EndpointStore store;
    private final LocalServerProbe probe;
    private final Path modelsDirectory;
    private final UserDialogs dialogs;
    private final Runnable openEndpoints;
    private final Executor fx;
    private final Executor background;
    private final ModelDownloadViewModel download;
    private final ObservableList<DetectedServer> servers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper fileMessage = new ReadOnlyStringWrapper(this, "fileMessage", "");
    private final ReadOnlyStringWrapper serversMessage = new ReadOnlyStringWrapper(this, "serversMessage", "");
    private final ReadOnlyObjectWrapper<FirstRunChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice",
            new FirstRunChoice.Nothing());
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");

    /**
     * @param store where an endpoint for a found server is saved
     * @param models the models offered for download ({@code RecommendedModels.all()})
     * @param modelsDirectory where downloads go and where the file chooser opens
     * @param openEndpoints opens the Endpoints dialog; runs on {@code fx} after this dialog has finished
     */
    public FirstRunViewModel(EndpointStore store, ModelDownloader downloader, LocalServerProbe probe,
            List<RecommendedModel> models, Path modelsDirectory, UserDialogs dialogs, Runnable openEndpoints,
            Executor fx, Executor background) {
        this.store = store;
        this.probe = probe;
        this.modelsDirectory = modelsDirectory;
        this.dialogs = dialogs;
        this.openEndpoints = openEndpoints;
        this.fx = fx;
        this.background = background;
        this.download = new ModelDownloadViewModel(downloader, models, modelsDirectory, fx);
    }

    /** Looks for Ollama and llama.cpp servers running on this machine. */
    public void findServers() {
        if (searching.get()) {
            return;
        }
        searching.set(true);
        servers.clear();
        serversMessage.set("Looking for Ollama and llama.cpp servers on this machine…");
        CompletableFuture.supplyAsync(probe::probe, background).whenCompleteAsync((found, error) -> {
            searching.set(false);
            if (error != null) {
                serversMessage.set("Could not look for servers: " + oneLine(error));
                return;
            }
            servers.setAll(found);
            serversMessage.set(found.isEmpty() ? "None is running. Ollama listens on port 11434 and llama.cpp's"
                    + " server on 8080 once started; then look again." : "");
        }, fx);
    }

    /**
     * Lets the user pick a GGUF file, which is used where it is once its header passes the model-file check (on the
     * background executor); a file that fails it stays unchosen and {@link #fileMessageProperty()} says why.
     */
    public void chooseModelFile() {
        dialogs.chooseModelFile("Choose a GGUF model", modelsDirectory).ifPresent(file -> {
            Path chosen = file.toAbsolutePath();
            fileMessage.set("Checking " + chosen.getFileName() + "…");
            CompletableFuture.runAsync(() -> checkModelFile(chosen), background).whenCompleteAsync((ok, error) -> {
                if (error != null) {
                    fileMessage.set(oneLine(error));
                    return;
                }
                fileMessage.set("");
                finish(new FirstRunChoice.EmbeddedModel(chosen));
            }, fx);
        });
    }

    // A corrupt file would otherwise be remembered, then refused (or worse) at the first run.
    private static void checkModelFile(Path file) {
        try {
            GgufCheck.check(file);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Ends with the model just downloaded. */
    public void useDownloadedModel() {
        Path file = download.downloadedFileProperty().get();
        if (file != null) {
            finish(new FirstRunChoice.EmbeddedModel(file));
        }
    }

    /**
     * Saves an endpoint for {@code server} (or reuses one that already points there) and ends with it.
     */
    public void useServer(DetectedServer server) {
        if (finished.get()) {
            return;
        }
        serversMessage.set("Saving an endpoint for " + server.description() + "…");
        CompletableFuture.supplyAsync(() -> saveEndpoint(server), background).whenCompleteAsync((saved, error) -> {
            if (error != null) {
                serversMessage.set("Could not save the endpoint: " + oneLine(error));
                return;
            }
            serversMessage.set("");
            finish(new FirstRunChoice.NewEndpoint(saved));
        }, fx);
    }

    private Endpoint saveEndpoint(DetectedServer server) {
        List<Endpoint> existing = store.load();
        for (Endpoint endpoint : existing) {
            if (endpoint.kind() == server.kind() && server.baseUrl().equals(endpoint.effectiveBaseUrl())) {
                return endpoint;
            }
        }
        String stem = server.kind() == ProviderKind.OLLAMA ? "local-ollama" : "local-" + server.kind().id();
        String name = stem;
        for (int n = 2; taken(existing, name); n++) {
            name = stem + "-" + n;
        }
        Endpoint endpoint = new Endpoint(name, server.kind(), server.baseUrl(), null, null);
        store.put(endpoint);
        return endpoint;
    }

    private static boolean taken(List<Endpoint> endpoints, String name) {
        return endpoints.stream().anyMatch(e -> e.name().equals(name));
    }

    /** Ends with nothing chosen and opens the Endpoints dialog for vLLM or a hosted API. */
    public void openEndpoints() {
        finish(new FirstRunChoice.Nothing());
        // After this dialog has closed, so the two are never stacked.
        fx.execute(openEndpoints);
    }

    /**
     * The dialog is closing: stops a running download (its partial file stays for next time). Closing without a
     * choice after a completed download still hands over the downloaded model, which is in the models folder now.
     */
    public void close() {
        download.cancel();
        if (!finished.get()) {
            finish(choiceOnClose());
        }
    }

    /** What closing now would hand over: the choice made, else a downloaded model, else nothing. */
    public FirstRunChoice choiceOnClose() {
        if (finished.get()) {
            return choice.get();
        }
        Path file = download.downloadedFileProperty().get();
        return file != null ? new FirstRunChoice.EmbeddedModel(file) : new FirstRunChoice.Nothing();
    }

    private void finish(FirstRunChoice chosen) {
        choice.set(chosen);
        finished.set(true);
    }

    private static String oneLine(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElse(message);
    }

    public ModelDownloadViewModel getDownload() {
        return download;
    }

    /** The servers found running; empty while looking and when there are none. */
    public ObservableList<DetectedServer> getServers() {
        return servers;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** One line about the chosen model file: being checked, or why it cannot be used. Empty otherwise. */
    public ReadOnlyStringProperty fileMessageProperty() {
        return fileMessage.getReadOnlyProperty();
    }

    /** One line about the servers: looking, none found, or an error. Empty when servers are listed. */
    public ReadOnlyStringProperty serversMessageProperty() {
        return serversMessage.getReadOnlyProperty();
    }

    /** What was chosen; {@link FirstRunChoice.Nothing} until something is. */
    public ReadOnlyObjectProperty<FirstRunChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public FirstRunChoice getChoice() {
        return choice.get();
    }

    /** Becomes true once a choice is made; the view then closes. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
