// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import dev.rationale.app.compose.PromptShaping;
import dev.rationale.core.provider.TokenCount;
import dev.rationale.core.provider.TokenCounter;
import dev.rationale.app.fx.Failures;
import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointPools;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the next run goes: the endpoint (the user's endpoints plus the embedded engine on the models
 * folder), the model, and the generation settings the user sets for this run (each null to keep the prompt set's
 * and variant's own). Models are listed off the FX thread when the endpoint changes. Touch it on the FX thread.
 */
public final class RunSettingsViewModel {

    /** The name of the built-in endpoint: llama.cpp in process on the models folder. */
    public static final String EMBEDDED_NAME = "Embedded engine";

    private final ProviderCache providers;
    private final Executor fx;
    private final Executor background;
    private final Supplier<List<Endpoint>> savedEndpoints;
    private final Path modelsDirectory;
    private final ObservableList<Endpoint> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Endpoint> endpoint = new SimpleObjectProperty<>(this, "endpoint");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelsMessage = new ReadOnlyStringWrapper(this, "modelsMessage", "");
    private final ObjectProperty<@Nullable Double> temperature = new SimpleObjectProperty<>(this, "temperature");
    private final ObjectProperty<@Nullable Double> topP = new SimpleObjectProperty<>(this, "topP");
    private final ObjectProperty<@Nullable Integer> maxTokens = new SimpleObjectProperty<>(this, "maxTokens");
    private final ObjectProperty<@Nullable Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final ObjectProperty<@Nullable Integer> topLogprobs = new SimpleObjectProperty<>(this, "topLogprobs", 5);
    private final ObjectProperty<ChatLayoutChoice> chatLayout =
            new SimpleObjectProperty<>(this, "chatLayout", ChatLayoutChoice.VARIANTS);
    private final ObjectProperty<ThinkingChoice> thinking =
            new SimpleObjectProperty<>(this, "thinking", ThinkingChoice.VARIANTS);
    private int listing;

    /**
     * @param savedEndpoints reads the user's endpoints file (called off the FX thread)
     * @param modelsDirectory the embedded engine's models folder
     */
    public RunSettingsViewModel(ProviderCache providers, Supplier<List<Endpoint>> savedEndpoints,
            Path modelsDirectory, Executor fx, Executor background) {
        this.providers = providers;
        this.savedEndpoints = savedEndpoints;
        this.modelsDirectory = modelsDirectory;
        this.fx = fx;
        this.background = background;
        endpoint.addListener((obs, old, now) -> listModels(now));
    }

    /** The built-in embedded endpoint on the models folder. */
    public Endpoint embeddedEndpoint() {
        return new Endpoint(EMBEDDED_NAME, ProviderKind.EMBEDDED, modelsDirectory.toString(), null, null);
    }

    /** Reads the endpoints again (after the Endpoints dialog saved), keeping the selection when it still exists. */
    public void reloadEndpoints() {
        reloadEndpoints(null);
    }

    /** Reads the endpoints again and selects the one named {@code select}, else keeps the selection. */
    public void reloadEndpoints(@Nullable String select) {
        CompletableFuture.supplyAsync(savedEndpoints, background).whenCompleteAsync((saved, error) -> {
            Endpoint current = endpoint.get();
            String wanted = select != null ? select : current == null ? null : current.name();
            List<Endpoint> all = new java.util.ArrayList<>();
            all.add(embeddedEndpoint());
            if (saved != null) {
                saved.stream().map(e -> withPoolModel(e, saved)).forEach(all::add);
            }
            endpoints.setAll(all);
            Endpoint keep = wanted == null ? null : all.stream()
                    .filter(e -> e.name().equals(wanted)).findFirst().orElse(null);
            endpoint.set(keep != null ? keep : all.size() > 1 ? all.get(1) : all.getFirst());
        }, fx);
    }

    // A pool's default model is its members' one; a pool that cannot be resolved is listed as it is, and says why
    // when it is used.
    private static Endpoint withPoolModel(Endpoint endpoint, List<Endpoint> saved) {
        if (endpoint.kind() != ProviderKind.POOL || endpoint.model() != null) {
            return endpoint;
        }
        try {
            return endpoint.withModel(EndpointPools.resolve(endpoint, saved).model());
        } catch (RationaleException e) {
            return endpoint;
        }
    }

    private void listModels(@Nullable Endpoint chosen) {
        models.clear();
        int thisListing = ++listing;
        if (chosen == null) {
            return;
        }
        if (chosen.model() != null && !chosen.model().isBlank()) {
            model.set(chosen.model());
        }
        modelsMessage.set("listing models…");
        CompletableFuture.supplyAsync(() -> providers.get(chosen).listModels(), background)
                .whenCompleteAsync((list, error) -> {
                    if (thisListing != listing) {
                        return;
                    }
                    boolean embedded = chosen.kind() == ProviderKind.EMBEDDED;
                    if (error != null && !embedded) {
                        modelsMessage.set("cannot list models: " + Failures.messageOf(error));
                        return;
                    }
                    List<ModelInfo> found = error != null ? List.of() : list;
                    models.setAll(found.stream().map(ModelInfo::id).toList());
                    // A missing models folder is the normal state before the first download, not an error.
                    modelsMessage.set(!found.isEmpty() ? "" : embedded
                            ? "no GGUF file in " + chosen.effectiveBaseUrl() + " yet: Help > Getting started gets one"
                            : "no models found");
                    if ((model.get() == null || model.get().isBlank() || !models.contains(model.get()))
                            && !models.isEmpty() && (chosen.model() == null || chosen.model().isBlank())) {
                        model.set(models.getFirst());
                    }
                }, fx);
    }

    /** The provider of the selected endpoint; throws ProviderException when it cannot be created. */
    public CompletionProvider provider() {
        Endpoint chosen = endpoint.get();
        if (chosen == null) {
            throw new IllegalStateException("no endpoint is selected");
        }
        return providers.get(chosen);
    }

    /** The settings this run overrides; null fields keep the prompt set's and the variant's. */
    public GenerationSettings overrides() {
        return new GenerationSettings(temperature.get(), topP.get(), maxTokens.get(), List.of(), seed.get(),
                topLogprobs.get(), thinking.get().level());
    }

    /**
     * Counts prompt tokens for the selected endpoint and model as they are now: with the backend's own tokenizer
     * where it has one (the embedded engine: exact, the preview's text being what the model reads), else an
     * estimate. The counter runs off the FX thread; the first count may load the model.
     */
    public TokenCounter tokenCounter() {
        Endpoint chosen = endpoint.get();
        String name = model.get() == null ? "" : model.get().strip();
        TokenCounter estimate = TokenCounter.estimate();
        if (chosen == null || name.isEmpty()) {
            return estimate;
        }
        return text -> {
            try {
                var tokenizer = providers.get(chosen).tokenizer();
                if (tokenizer.isPresent()) {
                    return new TokenCount(tokenizer.get().tokenize(name, new RenderedPrompt.Text(text)).size(), true);
                }
            } catch (RuntimeException e) {
                // A model that does not load yet (a typo in the name) still gets a count, an estimated one.
                return estimate.count(text);
            }
            return estimate.count(text);
        };
    }

    /**
     * Lays prompts out for the selected endpoint and model as they are now, with the chosen chat layout; as written
     * when none is chosen. The provider is made and asked about the model off the FX thread, when a prompt is shaped.
     */
    public PromptShaping promptShaping() {
        Endpoint chosen = endpoint.get();
        String name = model.get() == null ? "" : model.get().strip();
        ChatLayout layout = chatLayout.get().layout();
        if (chosen == null || name.isEmpty()) {
            return PromptShaping.AS_WRITTEN;
        }
        ThinkingLevel level = thinking.get().level();
        return draft -> RunRequests.shaped(providers.get(chosen), name, draft, layout, level);
    }

    /** The chat layout runs use; null keeps each variant's own. */
    public @Nullable ChatLayout chatLayout() {
        return chatLayout.get().layout();
    }

    public ObservableList<Endpoint> getEndpoints() {
        return endpoints;
    }

    public ObjectProperty<@Nullable Endpoint> endpointProperty() {
        return endpoint;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> getModels() {
        return models;
    }

    /** Why the model list is empty or still loading; empty when it is fine. */
    public ReadOnlyStringProperty modelsMessageProperty() {
        return modelsMessage.getReadOnlyProperty();
    }

    public ObjectProperty<@Nullable Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<@Nullable Double> topPProperty() {
        return topP;
    }

    public ObjectProperty<@Nullable Integer> maxTokensProperty() {
        return maxTokens;
    }

    public ObjectProperty<@Nullable Long> seedProperty() {
        return seed;
    }

    /** How raw-text variants become chat messages where chat is what the backend or model takes. */
    public ObjectProperty<ChatLayoutChoice> chatLayoutProperty() {
        return chatLayout;
    }

    /** The thinking level of runs: each variant's own, or one for all. */
    public ObjectProperty<ThinkingChoice> thinkingProperty() {
        return thinking;
    }

    /** Alternatives per token to ask for; null or 0 for none (then only the chosen token's probability). */
    public ObjectProperty<@Nullable Integer> topLogprobsProperty() {
        return topLogprobs;
    }
}
