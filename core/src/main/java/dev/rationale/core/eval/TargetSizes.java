// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The sizes of a plan's models, for ordering results by scale: what each endpoint's model list says (counted or
 * reported), or else what the model's name states. Asks each endpoint once and blocks while it answers; call it off
 * the UI thread.
 */
public final class TargetSizes {

    private static final System.Logger LOG = System.getLogger(TargetSizes.class.getName());

    private TargetSizes() {
    }

    /**
     * Target id to size, in the targets' order; a size no source knows is null. An endpoint that cannot list its
     * models leaves its targets to their names: the sizes are an aid to reading results, not worth failing for.
     */
    public static Map<String, @Nullable ModelSize> of(List<EvalTarget> targets,
            Function<Endpoint, CompletionProvider> providers) {
        Map<Endpoint, Map<String, ModelInfo>> listed = new HashMap<>();
        Map<String, @Nullable ModelSize> sizes = new LinkedHashMap<>();
        for (EvalTarget target : targets) {
            ModelInfo info = listed.computeIfAbsent(target.endpoint(), e -> list(e, providers)).get(target.model());
            sizes.put(target.id(), info != null ? info.size() : ModelSize.fromName(target.model()));
        }
        return sizes;
    }

    private static Map<String, ModelInfo> list(Endpoint endpoint, Function<Endpoint, CompletionProvider> providers) {
        Map<String, ModelInfo> byId = new HashMap<>();
        try {
            providers.apply(endpoint).listModels().forEach(info -> byId.put(info.id(), info));
        } catch (ProviderException e) {
            LOG.log(System.Logger.Level.INFO, "Model sizes of " + endpoint.name() + " go by name: " + e.getMessage());
        }
        return byId;
    }
}
