// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /models}: {@code {"data":[{"id":…}]}}. Sizes come from server extras where present: vLLM's
 * {@code max_model_len}, OpenRouter's {@code context_length}, llama.cpp's {@code meta} ({@code n_params},
 * {@code n_ctx_train}).
 */
record ModelList(@Nullable List<Model> data) {

    record Model(@Nullable String id, @Nullable Integer maxModelLen, @Nullable Integer contextLength,
            @Nullable Meta meta) {
        /** @param checkedId the {@code id}, known to be there */
        ModelInfo toInfo(String checkedId) {
            Integer context = maxModelLen != null ? maxModelLen : contextLength;
            if (context == null && meta != null) {
                context = meta.nCtxTrain();
            }
            return new ModelInfo(checkedId, meta == null ? null : ModelSize.measured(meta.nParams()), context);
        }
    }

    record Meta(@Nullable Long nParams, @Nullable Integer nCtxTrain) {
    }

    static List<ModelInfo> fetch(HttpEndpoint endpoint) {
        ModelList list = BlockingCall.execute(endpoint.client(), endpoint.to("/models").get().build(), endpoint.name(),
                body -> WireJson.MAPPER.readValue(body.inputStream(), ModelList.class));
        List<ModelInfo> models = new ArrayList<>();
        List<Model> data = list == null || list.data() == null ? List.of() : list.data();
        for (int i = 0; i < data.size(); i++) {
            Model model = data.get(i);
            String id = model == null ? null : model.id();
            if (model == null || id == null) {
                throw MalformedReply.of(endpoint.name(), "the model list's data[" + i + "] has no id");
            }
            models.add(model.toInfo(id));
        }
        return models;
    }
}
