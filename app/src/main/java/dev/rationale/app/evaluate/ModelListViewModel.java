// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.TargetSizes;
import dev.rationale.core.provider.ModelSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The models of an evaluation: the extra ones to evaluate beside the run bar's, and once it ends the models of the
 * chart by model, ordered by size. Touch it on the FX thread.
 */
public final class ModelListViewModel {

    private final ProviderCache providers;
    private final Executor fx;
    private final Executor background;
    private final StringProperty extraModels = new SimpleStringProperty(this, "extraModels", "");
    private final ObservableList<SizedModel> models = FXCollections.observableArrayList();
    // The plan whose sizes are shown; a later evaluation's replaces it and drops late answers.
    private @Nullable EvalPlan shown;

    ModelListViewModel(ProviderCache providers, Executor fx, Executor background) {
        this.providers = providers;
        this.fx = fx;
        this.background = background;
    }

    /** The run bar's model, then the extra ones, each once. */
    List<String> names(String first) {
        List<String> names = new ArrayList<>(List.of(first));
        for (String extra : String.valueOf(extraModels.get()).split(",")) {
            if (!extra.isBlank() && !names.contains(extra.strip())) {
                names.add(extra.strip());
            }
        }
        return names;
    }

    void clear() {
        shown = null;
        models.clear();
    }

    // The names' sizes show at once; the endpoints' model lists (counted or reported sizes) replace them when they
    // answer. After the run, so that an embedded model is loaded and its weights can be counted.
    void show(EvalPlan plan) {
        shown = plan;
        Map<String, @Nullable ModelSize> byName = new LinkedHashMap<>();
        plan.targets().forEach(t -> byName.put(t.id(), ModelSize.fromName(t.model())));
        models.setAll(SizedModel.ordered(byName));
        CompletableFuture.supplyAsync(() -> TargetSizes.of(plan.targets(), providers::get), background)
                .thenAcceptAsync(sizes -> {
                    if (plan == shown) {
                        models.setAll(SizedModel.ordered(sizes));
                    }
                }, fx);
    }

    /** More models on the same endpoint, comma-separated, evaluated beside the run bar's; for the chart by model. */
    public StringProperty extraModelsProperty() {
        return extraModels;
    }

    /**
     * The last finished evaluation's models for the chart by model: smallest first where the size is known (counted,
     * reported by the endpoint, or stated by the name), then the rest by name.
     */
    public ObservableList<SizedModel> getModels() {
        return models;
    }
}
