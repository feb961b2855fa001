// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.fx.UserDialogs;
import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointPools;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The Endpoints dialog's state: the saved endpoints, the one being edited ({@link #getForm()}), its test result and
 * a status line. Reading and writing the endpoints file, storing keys and testing run on the background executor;
 * results come back on the FX executor. Touch it on the FX thread.
 */
public final class EndpointsViewModel {

    /** Where a test of the edited endpoint stands. */
    public enum TestState { IDLE, RUNNING, PASSED, FAILED }

    private final EndpointStore store;
    private final SecretStore keychain;
    private final UnaryOperator<@Nullable String> environment;
    private final OkHttpClient http;
    private final Path modelsDirectory;
    private final UserDialogs dialogs;
    private final Runnable onSaved;
    private final Executor fx;
    private final Executor background;
    private final Function<String, Optional<PoolHealth>> livePools;
    private final ObservableList<Endpoint> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Endpoint> selected = new SimpleObjectProperty<>(this, "selected");
    private final EndpointForm form;
    private final EndpointTestRun testRun;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper storeReadable = new ReadOnlyBooleanWrapper(this, "storeReadable", true);

    /**
     * @param keychain where typed keys are stored ({@code context.keychain()})
     * @param environment reads environment variables for "Test" ({@code System::getenv} in the app)
     * @param http the application's one client; tests derive their providers from it
     * @param modelsDirectory the embedded engine's default folder
     * @param dialogs file choosers and the removal question
     * @param onSaved runs on the FX thread after every change written to the endpoints file, e.g.
     *     {@code runSettings::reloadEndpoints}
     * @param fx hands results to the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param background runs file, keychain and network work
     */
    public EndpointsViewModel(EndpointStore store, SecretStore keychain, UnaryOperator<@Nullable String> environment,
            OkHttpClient http, Path modelsDirectory, UserDialogs dialogs, Runnable onSaved, Executor fx,
            Executor background) {
        this(store, keychain, environment, http, modelsDirectory, dialogs, onSaved, fx, background,
                name -> Optional.empty());
    }

    /**
     * As above, with how the pools in use this session are doing, by name ({@code ProviderCache::livePool}); it
     * must not block.
     */
    public EndpointsViewModel(EndpointStore store, SecretStore keychain, UnaryOperator<@Nullable String> environment,
            OkHttpClient http, Path modelsDirectory, UserDialogs dialogs, Runnable onSaved, Executor fx,
            Executor background, Function<String, Optional<PoolHealth>> livePools) {
        this.livePools = livePools;
        this.store = store;
        this.keychain = keychain;
        this.environment = environment;
        this.http = http;
        this.modelsDirectory = modelsDirectory;
        this.dialogs = dialogs;
        this.onSaved = onSaved;
        this.fx = fx;
        this.background = background;
        this.form = new EndpointForm(endpoints, modelsDirectory, keychain.writable());
        this.testRun = new EndpointTestRun(fx, background);
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                form.load(now);
                testRun.reset();
            }
        });
    }

    /** Reads the endpoints file and selects the first endpoint, or starts a new one when there is none. */
    public void load() {
        busy.set(true);
        CompletableFuture.supplyAsync(store::load, background).whenCompleteAsync((list, error) -> {
            busy.set(false);
            if (error != null) {
                // Saving over a file we could not read would lose what is in it.
                storeReadable.set(false);
                report(true, "Cannot read the endpoints (" + EndpointCheck.oneLineOfWork(error)
                        + "); fix or move the file to edit them here.");
                return;
            }
            endpoints.setAll(list);
            if (list.isEmpty()) {
                newEndpoint();
            } else {
                selected.set(list.getFirst());
            }
        }, fx);
    }

    /** Clears the form for a new endpoint. */
    public void newEndpoint() {
        selected.set(null);
        form.load(null);
        testRun.reset();
    }

    /** Writes the edited endpoint (and a typed key, to the keychain) when the form is valid. */
    public void save() {
        if (!canWrite() || !form.isValid()) {
            return;
        }
        Endpoint edited = form.toEndpoint();
        String key = form.keyToStore();
        String entry = form.entryName();
        List<Endpoint> next = replaced(form.originalProperty().get(), edited);
        write(next, "Saved “" + edited.name() + "”.", edited, () -> {
            if (key != null) {
                keychain.write(entry, key);
            }
        });
    }

    /** Removes the selected endpoint after the user confirmed. Its keychain entry, if any, stays. */
    public void remove() {
        Endpoint target = selected.get();
        if (target == null || !canWrite()) {
            return;
        }
        String keyNote = target.key() != null && target.key().keychain() != null
                ? " Its key stays in the keychain entry “" + target.key().keychain() + "”." : "";
        if (!dialogs.confirm("Remove endpoint", "Remove “" + target.name() + "”?" + keyNote)) {
            return;
        }
        List<Endpoint> next = new ArrayList<>(endpoints);
        next.removeIf(e -> e.name().equals(target.name()));
        write(next, "Removed “" + target.name() + "”.", next.isEmpty() ? null : next.getFirst(), () -> { });
    }

    private void write(List<Endpoint> next, String done, @Nullable Endpoint select, Runnable first) {
        busy.set(true);
        report(false, "Saving…");
        CompletableFuture.runAsync(() -> {
            first.run();
            store.save(next);
        }, background).whenCompleteAsync((ignored, error) -> {
            busy.set(false);
            if (error != null) {
                report(true, "Not saved: " + EndpointCheck.oneLineOfWork(error));
                return;
            }
            endpoints.setAll(next);
            if (select == null) {
                newEndpoint();
            } else {
                selected.set(select);
                // Also when the selection did not change: the typed key must leave the form.
                form.load(select);
            }
            report(false, done);
            onSaved.run();
        }, fx);
    }

    private List<Endpoint> replaced(@Nullable Endpoint original, Endpoint edited) {
        List<Endpoint> next = new ArrayList<>(endpoints);
        int at = -1;
        for (int i = 0; original != null && i < next.size(); i++) {
            if (next.get(i).name().equals(original.name())) {
                at = i;
            }
        }
        if (at >= 0) {
            next.set(at, edited);
        } else {
            next.add(edited);
        }
        return next;
    }

    private boolean canWrite() {
        return !busy.get() && storeReadable.get();
    }

    /** Lists the edited endpoint's models, with a key typed but not saved yet, and shows its capabilities. */
    public void test() {
        if (!form.baseUrlErrorProperty().get().isEmpty()) {
            return;
        }
        Endpoint endpoint = form.toEndpoint();
        if (endpoint.kind() == ProviderKind.POOL) {
            testPool(endpoint);
            return;
        }
        if (endpoint.name().isEmpty()) {
            endpoint = new Endpoint("new endpoint", endpoint.kind(), endpoint.baseUrl(), endpoint.model(),
                    endpoint.key());
        }
        String key = form.keyToStore();
        KeyResolver keys = new KeyResolver(new OverlaySecretStore(keychain, form.entryName(), key), environment);
        testRun.start(endpoint, new ProviderFactory(http, keys));
    }

    // Each member is tested as saved, with its own key; the pool as edited, so unsaved ticks count.
    private void testPool(Endpoint pool) {
        if (!form.poolErrorProperty().get().isEmpty()) {
            return;
        }
        List<Endpoint> all = new ArrayList<>(endpoints);
        all.removeIf(e -> e.name().equals(pool.name()));
        all.add(pool);
        List<Endpoint> servers;
        try {
            servers = EndpointPools.resolve(pool, all).members().stream().map(EndpointPools.Member::endpoint)
                    .toList();
        } catch (RationaleException e) {
            return;
        }
        testRun.startPool(pool, servers, new ProviderFactory(http, new KeyResolver(keychain, environment)),
                livePools.apply(pool.name()));
    }

    /** For the embedded engine: picks the folder that holds the GGUF files. */
    public void chooseModelsFolder() {
        dialogs.chooseFolder("Models folder", currentFolder()).ifPresent(folder ->
                form.baseUrlProperty().set(folder.toString()));
    }

    /** For the embedded engine: picks one GGUF file, which becomes the folder and the default model. */
    public void chooseModelFile() {
        dialogs.chooseModelFile("GGUF model file", currentFolder()).ifPresent(file -> {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                form.baseUrlProperty().set(folder.toString());
                form.modelProperty().set(String.valueOf(file.getFileName()));
            } else {
                form.modelProperty().set(file.toString());
            }
        });
    }

    private Path currentFolder() {
        String text = form.baseUrlProperty().get();
        if (form.kindProperty().get() != ProviderKind.EMBEDDED || text == null || text.isBlank()) {
            return modelsDirectory;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return modelsDirectory;
        }
    }

    private void report(boolean error, String message) {
        statusIsError.set(error);
        status.set(message);
    }

    public ObservableList<Endpoint> getEndpoints() {
        return endpoints;
    }

    /** The saved endpoint shown in the form; null while a new one is edited. */
    public ObjectProperty<@Nullable Endpoint> selectedProperty() {
        return selected;
    }

    public EndpointForm getForm() {
        return form;
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testRun.stateProperty();
    }

    /** The test's outcome in one line: the model count and the first few names, or the error. */
    public ReadOnlyStringProperty testSummaryProperty() {
        return testRun.summaryProperty();
    }

    /** Every model the last test listed, for the default-model field's suggestions. */
    public ObservableList<String> getTestModels() {
        return testRun.models();
    }

    /** The tested endpoint's capabilities; empty until a test ran. */
    public ObservableList<CapabilityRow> getCapabilities() {
        return testRun.capabilities();
    }

    /** For a pool: a line per member from its last test (models, or why not), and how it served this session. */
    public ObservableList<String> getPoolMembers() {
        return testRun.members();
    }

    /** The outcome of the last load, save or removal, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** True while the file is read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** False when the endpoints file could not be read; nothing is written over it then. */
    public ReadOnlyBooleanProperty storeReadableProperty() {
        return storeReadable.getReadOnlyProperty();
    }
}
