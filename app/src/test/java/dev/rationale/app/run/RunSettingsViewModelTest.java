// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.AppContext;
import dev.rationale.app.TestContexts;
import dev.rationale.core.provider.TokenCount;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run settings on the real embedded engine over the shared tiny model; everything runs on the test thread. */
class RunSettingsViewModelTest {

    @TempDir
    Path dir;

    private AppContext context;
    private RunSettingsViewModel settings;

    @BeforeEach
    void start() {
        context = TestContexts.in(dir, TestContexts.sharedModels().toAbsolutePath());
        Endpoint server = new Endpoint("local", ProviderKind.OLLAMA, "http://127.0.0.1:9", "llama3.2", null);
        settings = new RunSettingsViewModel(context.providers(), () -> List.of(server), context.modelsDirectory(),
                Runnable::run, Runnable::run);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theEmbeddedEngineIsOfferedFirstAndListsTheModelsFolder() {
        settings.reloadEndpoints(RunSettingsViewModel.EMBEDDED_NAME);

        assertThat(settings.getEndpoints()).extracting(Endpoint::name)
                .containsExactly(RunSettingsViewModel.EMBEDDED_NAME, "local");
        assertThat(settings.getModels()).contains("stories260K.gguf");
        assertThat(settings.modelProperty().get()).isEqualTo("stories260K.gguf");
        assertThat(settings.modelsMessageProperty().get()).isEmpty();
    }

    @Test
    void theEmbeddedModelCountsPromptTokensWithItsOwnTokenizer() {
        settings.reloadEndpoints(RunSettingsViewModel.EMBEDDED_NAME);

        // The models README: "Once upon a time" is 403 407 261 378 after the <s> the model asks for.
        assertThat(settings.tokenCounter().count("Once upon a time")).isEqualTo(new TokenCount(5, true));
    }

    @Test
    void otherEndpointsAndUnknownModelsGetAnEstimate() {
        settings.reloadEndpoints("local");
        assertThat(settings.tokenCounter().count("Once upon a time").exact()).isFalse();

        settings.reloadEndpoints(RunSettingsViewModel.EMBEDDED_NAME);
        settings.modelProperty().set("missing.gguf");
        assertThat(settings.tokenCounter().count("Once upon a time")).isEqualTo(new TokenCount(4, false));
    }

    @Test
    void anEmptyModelsFolderIsExplainedNotReportedAsAnError() {
        RunSettingsViewModel empty = new RunSettingsViewModel(context.providers(), List::of, dir.resolve("none"),
                Runnable::run, Runnable::run);

        empty.reloadEndpoints();

        assertThat(empty.getModels()).isEmpty();
        assertThat(empty.modelsMessageProperty().get()).startsWith("no GGUF file in ").endsWith(
                "yet: Help > Getting started gets one");
    }
}
