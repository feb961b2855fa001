// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.provider.TokenCounter;
import dev.rationale.core.provider.TokenCount;
import dev.rationale.app.fx.Debounced;
import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * The live preview: the exact prompt the current task, variant and inputs render to, laid out for the run bar's
 * endpoint and model ({@link PromptShaping}), as readable text, with its token count and a line saying what was
 * adapted for that backend. Rendering runs on the background executor after edits pause; a render error becomes the
 * preview's message and the {@link PreviewState#FAILED} state, never an exception. Touch it on the FX thread only.
 */
public final class PromptPreview {
    private static final Logger LOG = System.getLogger(PromptPreview.class.getName());

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<PreviewState> state =
            new ReadOnlyObjectWrapper<>(this, "state", PreviewState.EMPTY);
    private final ReadOnlyObjectWrapper<@Nullable RenderedPrompt> prompt = new ReadOnlyObjectWrapper<>(this, "prompt");
    private final ReadOnlyObjectWrapper<@Nullable TokenCount> tokens = new ReadOnlyObjectWrapper<>(this, "tokens");
    private final ReadOnlyStringWrapper tokenText = new ReadOnlyStringWrapper(this, "tokenText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper adaptation = new ReadOnlyStringWrapper(this, "adaptation", "");
    private final ObjectProperty<TokenCounter> counter;
    private final ObjectProperty<PromptShaping> shaping =
            new SimpleObjectProperty<>(this, "shaping", PromptShaping.AS_WRITTEN);
    private final Debounced<Job, Result> renderer;
    private @Nullable Job last;

    PromptPreview(Executor fx, Executor background, Duration quietPeriod, TokenCounter counter) {
        this.counter = new SimpleObjectProperty<>(this, "counter", Objects.requireNonNull(counter));
        this.renderer = new Debounced<>(fx, background, quietPeriod, PromptPreview::render, this::show);
        this.counter.addListener((obs, old, now) -> renderAgain());
        this.shaping.addListener((obs, old, now) -> renderAgain());
    }

    private void renderAgain() {
        Job job = last;
        if (job != null) {
            request(job.task(), job.variant(), job.inputs(), job.inputName());
        }
    }

    /** Renders the prompt for these inputs once edits pause. All arguments are immutable snapshots. */
    void request(Task task, Variant variant, Map<String, String> inputs, String inputName) {
        // Copied: the caller's map may change while the background thread reads it.
        Job job = new Job(task, variant, Collections.unmodifiableMap(new LinkedHashMap<>(inputs)), inputName,
                counter.get(), shaping.get());
        last = job;
        state.set(PreviewState.UPDATING);
        renderer.submit(job);
    }

    /** Shows that there is nothing to preview, dropping any render still pending. */
    void clear() {
        renderer.cancel();
        last = null;
        show(new Result(null, "", "", null, ""));
        adaptation.set("");
        state.set(PreviewState.EMPTY);
    }

    private static Result render(Job job) {
        try {
            PromptDraft draft = PromptRenderer.draft(job.task(), job.variant(), job.inputs(), job.inputName());
            RenderedPrompt rendered = shaped(job, draft);
            TokenCount count = job.counter().count(PromptText.forCounting(rendered));
            return new Result(rendered, rendered.readable(), summary(rendered), count, "");
        } catch (RationaleException e) {
            return failure(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // Not a template problem but a bug or a failing token counter: keep the detail for the log.
            LOG.log(Level.WARNING, "Could not render the preview", e);
            return failure(e.toString());
        }
    }

    // A backend that cannot be asked about its model (a server not started yet) must not hide the prompt: it is
    // shown as written, and the line above it says why.
    private static RenderedPrompt shaped(Job job, PromptDraft draft) {
        try {
            return job.shaping().shape(draft);
        } catch (ProviderException e) {
            return draft.asWritten().withAdaptation("shown as written: " + e.getMessage());
        }
    }

    private static Result failure(String message) {
        return new Result(null, "The prompt cannot be rendered:\n\n" + message, "Not rendered", null, message);
    }

    private static String summary(RenderedPrompt rendered) {
        return switch (rendered) {
            case RenderedPrompt.Text text -> "Raw text";
            case RenderedPrompt.Chat chat -> "Chat · " + chat.messages().size()
                    + (chat.messages().size() == 1 ? " message" : " messages");
        };
    }

    private void show(Result result) {
        prompt.set(result.prompt());
        RenderedPrompt shown = result.prompt();
        adaptation.set(shown == null ? "" : shown.adaptation());
        text.set(result.text());
        summary.set(result.summary());
        error.set(result.error());
        tokens.set(result.tokens());
        tokenText.set(result.tokens() == null ? "" : result.tokens().display());
        state.set(result.prompt() == null ? PreviewState.FAILED : PreviewState.READY);
    }

    /** The preview's text: the prompt (chat messages under {@code [role]} labels), or why it cannot render. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /** What kind of prompt it is, e.g. "Raw text" or "Chat · 17 messages". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    /** What was adapted for the run bar's backend and model, e.g. "sent as 17 chat messages: multi-turn few-shot". */
    public ReadOnlyStringProperty adaptationProperty() {
        return adaptation.getReadOnlyProperty();
    }

    public String getAdaptation() {
        return adaptation.get();
    }

    /** Lays the prompt out for where it runs; set it when the run bar's endpoint, model or chat layout change. */
    public ObjectProperty<PromptShaping> shapingProperty() {
        return shaping;
    }

    /** Why the prompt does not render; empty when it does. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    public ReadOnlyObjectProperty<PreviewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public PreviewState getState() {
        return state.get();
    }

    /** The prompt last rendered; null while it does not render. Lags edits by the quiet period. */
    public ReadOnlyObjectProperty<@Nullable RenderedPrompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public @Nullable RenderedPrompt getPrompt() {
        return prompt.get();
    }

    public ReadOnlyObjectProperty<@Nullable TokenCount> tokensProperty() {
        return tokens.getReadOnlyProperty();
    }

    /** The token count as shown, e.g. "≈ 312 tokens"; empty while the prompt does not render. */
    public ReadOnlyStringProperty tokenTextProperty() {
        return tokenText.getReadOnlyProperty();
    }

    public String getTokenText() {
        return tokenText.get();
    }

    /** Counts the preview's tokens; replace it with a model's tokenizer for exact counts. */
    public ObjectProperty<TokenCounter> counterProperty() {
        return counter;
    }

    private record Job(Task task, Variant variant, Map<String, String> inputs, String inputName,
            TokenCounter counter, PromptShaping shaping) {
    }

    private record Result(@Nullable RenderedPrompt prompt, String text, String summary, @Nullable TokenCount tokens,
            String error) {
    }
}
