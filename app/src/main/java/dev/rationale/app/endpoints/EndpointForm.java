// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointPools;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint being edited: one property per field, and the inline validation messages derived from them (empty
 * when a field is fine). A typed key lives only in {@link #typedKeyProperty()} until it is saved to the keychain;
 * {@link #toEndpoint()} records only the keychain entry's name. A pool has no URL, model or key of its own: its
 * fields are the saved servers it may take as members ({@link #getPoolMembers()}), each ticked or not with its
 * concurrency, checked as the endpoints file is ({@link EndpointPools}). Touch it on the FX thread.
 */
public final class EndpointForm {

    /** Keychain entries for endpoints are named {@code endpoint:NAME}. */
    public static final String ENTRY_PREFIX = "endpoint:";

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ProviderKind> kind = new SimpleObjectProperty<>(this, "kind", ProviderKind.OPENAI);
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(this, "keySource", KeySource.NONE);
    private final StringProperty envVariable = new SimpleStringProperty(this, "envVariable", "");
    private final StringProperty typedKey = new SimpleStringProperty(this, "typedKey", "");
    private final ReadOnlyObjectWrapper<@Nullable Endpoint> original = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError");
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper(this, "keyError");
    private final ReadOnlyStringWrapper keyHint = new ReadOnlyStringWrapper(this, "keyHint");
    private final ReadOnlyStringWrapper poolError = new ReadOnlyStringWrapper(this, "poolError");
    // Each choice's properties are observed, so the pool's check follows every tick and concurrency.
    private final ObservableList<PoolMemberChoice> poolMembers = FXCollections.observableArrayList(
            choice -> new Observable[] {choice.chosenProperty(), choice.concurrencyProperty()});
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ObservableList<Endpoint> saved;
    private final Path modelsDirectory;
    private final boolean keychainWritable;

    /**
     * @param saved the endpoints already saved, for the duplicate-name check
     * @param modelsDirectory the embedded engine's folder, offered as its "base URL"
     * @param keychainWritable whether keys can be stored in the OS keychain here
     */
    EndpointForm(ObservableList<Endpoint> saved, Path modelsDirectory, boolean keychainWritable) {
        this.saved = saved;
        this.modelsDirectory = modelsDirectory;
        this.keychainWritable = keychainWritable;
        kind.addListener((obs, old, now) -> kindChanged(old, now));
        keySource.addListener((obs, old, now) -> {
            if (now == KeySource.ENVIRONMENT && text(envVariable).isEmpty()) {
                envVariable.set(KeyChoice.suggestedVariable(kind.get()));
            }
        });
        bindValidation();
        load(null);
    }

    private void bindValidation() {
        nameError.bind(Bindings.createStringBinding(this::checkName, name, saved, original));
        baseUrlError.bind(Bindings.createStringBinding(this::checkBaseUrl, baseUrl, kind));
        ObservableValue<?>[] keyInputs = {kind, keySource, envVariable, typedKey, name, original, baseUrl};
        keyError.bind(Bindings.createStringBinding(() -> keyChoice().error(), keyInputs));
        keyHint.bind(Bindings.createStringBinding(() -> keyChoice().hint(), keyInputs));
        poolError.bind(Bindings.createStringBinding(this::checkPool, kind, name, poolMembers, saved));
        valid.bind(nameError.isEmpty().and(baseUrlError.isEmpty()).and(keyError.isEmpty()).and(poolError.isEmpty()));
    }

    /** Fills the fields from {@code endpoint}, or with a new endpoint's defaults when null; clears a typed key. */
    void load(@Nullable Endpoint endpoint) {
        original.set(endpoint);
        typedKey.set("");
        offerMembers(endpoint);
        if (endpoint == null) {
            name.set("");
            kind.set(ProviderKind.OPENAI);
            baseUrl.set(defaultBaseUrl(ProviderKind.OPENAI));
            model.set("");
            keySource.set(KeySource.NONE);
            envVariable.set("");
            return;
        }
        name.set(endpoint.name());
        kind.set(endpoint.kind());
        baseUrl.set(endpoint.baseUrl() == null ? "" : endpoint.baseUrl());
        model.set(endpoint.model() == null ? "" : endpoint.model());
        KeyReference key = endpoint.key();
        envVariable.set(key == null || key.env() == null ? "" : key.env());
        keySource.set(key == null ? KeySource.NONE
                : key.keychain() != null ? KeySource.KEYCHAIN
                : key.env() != null ? KeySource.ENVIRONMENT : KeySource.NONE);
    }

    // Every saved server that could serve in a pool, ticked when the pool being edited has it, in the pool's order.
    private void offerMembers(@Nullable Endpoint endpoint) {
        Map<String, PoolMember> current = endpoint == null ? Map.of() : endpoint.poolMembers().stream()
                .collect(Collectors.toMap(PoolMember::endpoint, Function.identity(), (a, b) -> a));
        List<PoolMemberChoice> choices = new ArrayList<>();
        List<PoolMemberChoice> rest = new ArrayList<>();
        for (Endpoint server : saved) {
            if (!EndpointPools.MEMBER_KINDS.contains(server.kind())) {
                continue;
            }
            PoolMember member = current.get(server.name());
            Integer concurrency = member == null ? null : member.concurrency();
            PoolMemberChoice choice = new PoolMemberChoice(server, member != null,
                    concurrency == null ? PoolMemberChoice.DEFAULT_CONCURRENCY : concurrency);
            (member != null ? choices : rest).add(choice);
        }
        if (endpoint != null) {
            List<String> order = endpoint.poolMembers().stream().map(PoolMember::endpoint).toList();
            choices.sort(Comparator.comparingInt(c -> order.indexOf(c.getEndpoint().name())));
        }
        choices.addAll(rest);
        poolMembers.setAll(choices);
    }

    private String checkPool() {
        if (kind.get() != ProviderKind.POOL) {
            return "";
        }
        Endpoint pool = toEndpoint();
        List<Endpoint> all = new ArrayList<>(saved);
        all.removeIf(e -> e.name().equals(pool.name()));
        all.add(pool);
        try {
            EndpointPools.resolve(pool, all);
            return "";
        } catch (RationaleException e) {
            return e.getMessage();
        }
    }

    // A base URL the user typed is kept; an empty one, or the old kind's default, follows the kind.
    private void kindChanged(@Nullable ProviderKind old, ProviderKind now) {
        String url = text(baseUrl);
        if (url.isEmpty() || old != null && url.equals(defaultBaseUrl(old))) {
            baseUrl.set(defaultBaseUrl(now));
        }
    }

    /** Where an endpoint of {@code kind} usually is; for the embedded engine, the models folder. */
    public String defaultBaseUrl(ProviderKind forKind) {
        return forKind == ProviderKind.EMBEDDED ? modelsDirectory.toString() : forKind.defaultBaseUrl();
    }

    private String checkName() {
        String wanted = text(name);
        if (wanted.isEmpty()) {
            return "Give the endpoint a name.";
        }
        if (wanted.equals(RunSettingsViewModel.EMBEDDED_NAME)) {
            return "“" + wanted + "” is the built-in endpoint; choose another name.";
        }
        Endpoint editing = original.get();
        boolean taken = saved.stream().anyMatch(e -> e.name().equals(wanted))
                && (editing == null || !editing.name().equals(wanted));
        return taken ? "Another endpoint is already called “" + wanted + "”." : "";
    }

    private String checkBaseUrl() {
        String url = text(baseUrl);
        if (kind.get() == ProviderKind.EMBEDDED) {
            return url.isEmpty() ? "Choose the folder that holds your GGUF files." : "";
        }
        if (kind.get() == ProviderKind.POOL) {
            return "";
        }
        if (url.isEmpty() || HttpUrl.parse(url) != null) {
            return "";
        }
        return "Not a URL: it starts with http:// or https://, e.g. " + kind.get().defaultBaseUrl();
    }

    private KeyChoice keyChoice() {
        return new KeyChoice(kind.get(), keySource.get(), text(envVariable), typedKeyOrNull(), storedEntry(),
                entryName(), text(baseUrl), keychainWritable);
    }

    /** Whether this kind takes a key at all; the embedded engine does not. */
    public boolean keyApplies() {
        return KeyChoice.applies(kind.get());
    }

    /** The endpoint the fields describe; its key reference names the keychain entry, never the key. */
    public Endpoint toEndpoint() {
        if (kind.get() == ProviderKind.POOL) {
            return Endpoint.pool(text(name), poolMembers.stream().filter(c -> c.chosenProperty().get())
                    .map(c -> new PoolMember(c.getEndpoint().name(), c.concurrencyProperty().get())).toList());
        }
        return new Endpoint(text(name), kind.get(), blankToNull(text(baseUrl)), blankToNull(text(model)),
                keyChoice().reference());
    }

    /** The key to store on save, or null when none was typed or it would not go to the keychain. */
    @Nullable String keyToStore() {
        return keyApplies() && keySource.get() == KeySource.KEYCHAIN ? typedKeyOrNull() : null;
    }

    /** The keychain entry a typed key is stored under, derived from the endpoint's name. */
    String entryName() {
        return ENTRY_PREFIX + text(name);
    }

    private @Nullable String typedKeyOrNull() {
        return blankToNull(text(typedKey));
    }

    private @Nullable String storedEntry() {
        Endpoint editing = original.get();
        return editing == null || editing.key() == null ? null : editing.key().keychain();
    }

    private static String text(StringProperty property) {
        String value = property.get();
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ProviderKind> kindProperty() {
        return kind;
    }

    /** The server's base URL; for the embedded engine, the models folder. */
    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The default model; for the embedded engine, a GGUF file relative to the folder (or absolute). */
    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<KeySource> keySourceProperty() {
        return keySource;
    }

    public StringProperty envVariableProperty() {
        return envVariable;
    }

    /** The key as typed; it leaves memory only for the keychain. */
    public StringProperty typedKeyProperty() {
        return typedKey;
    }

    /** The saved endpoint being edited; null for a new one. */
    public ReadOnlyObjectProperty<@Nullable Endpoint> originalProperty() {
        return original.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlErrorProperty() {
        return baseUrlError.getReadOnlyProperty();
    }

    /** For a pool: the saved servers it may take, ticked or not, each with its concurrency. */
    public ObservableList<PoolMemberChoice> getPoolMembers() {
        return poolMembers;
    }

    /** For a pool: why it cannot be saved as it stands, in one line; empty when it can. */
    public ReadOnlyStringProperty poolErrorProperty() {
        return poolError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    /** One line on where the key will come from. */
    public ReadOnlyStringProperty keyHintProperty() {
        return keyHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    public boolean isKeychainWritable() {
        return keychainWritable;
    }
}
