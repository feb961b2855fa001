// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.provider.TokenCounter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview shows the prompt as the run bar's backend and model get it, and says what was adapted. */
class PromptPreviewShapingTest {
    private final PromptPreview preview = new PromptPreview(Runnable::run, Runnable::run, Duration.ZERO,
            TokenCounter.estimate());
    private Task task;
    private Variant cot;
    private TestCase first;

    @BeforeEach
    void loadArithmetic() {
        PromptSet set = PromptSetFiles.load(Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"))
                .resolve("arithmetic.rationale.json"));
        task = set.tasks().getFirst();
        cot = task.variants().stream().filter(v -> "cot-8".equals(v.id())).findFirst().orElseThrow();
        first = task.cases().getFirst();
    }

    @Test
    void aRawTextVariantForAChatEndpointIsPreviewedAsTheMessagesSent() {
        OpenAiChatProvider chat = new OpenAiChatProvider(new OkHttpClient(), "http://localhost:9/v1");
        preview.shapingProperty().set(draft -> RunRequests.shaped(chat, "gpt-test", draft, null, null));

        preview.request(task, cot, first.inputs(), "case");

        assertThat(preview.getPrompt()).isInstanceOf(RenderedPrompt.Chat.class);
        assertThat(preview.getAdaptation()).isEqualTo("sent as 18 chat messages: multi-turn few-shot");
        assertThat(preview.getSummary()).isEqualTo("Chat · 18 messages");
        assertThat(preview.getText()).startsWith("[system]\nSolve each word problem.").endsWith("\nA:");
    }

    @Test
    void changingTheLayoutOrTheTargetRendersThePreviewAgain() {
        OpenAiChatProvider chat = new OpenAiChatProvider(new OkHttpClient(), "http://localhost:9/v1");
        preview.request(task, cot, first.inputs(), "case");
        assertThat(preview.getPrompt()).isInstanceOf(RenderedPrompt.Text.class);
        assertThat(preview.getAdaptation()).isEmpty();

        preview.shapingProperty().set(draft -> RunRequests.shaped(chat, "gpt-test", draft,
                ChatLayout.SINGLE_MESSAGE, null));

        assertThat(preview.getAdaptation()).isEqualTo("sent as 1 chat message: single message");
        assertThat(preview.getText()).startsWith("[user]\nSolve each word problem.");
    }

    @Test
    void aBackendThatCannotBeAskedLeavesThePromptAsWrittenAndSaysWhy() {
        preview.shapingProperty().set(draft -> {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, "Ollama: connection refused");
        });

        preview.request(task, cot, first.inputs(), "case");

        assertThat(preview.getPrompt()).isInstanceOf(RenderedPrompt.Text.class);
        assertThat(preview.getAdaptation()).isEqualTo("shown as written: Ollama: connection refused");
        assertThat(preview.getState()).isEqualTo(PreviewState.READY);
    }
}
