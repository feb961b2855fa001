// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.provider.TokenCounter;
import dev.rationale.app.fx.Debounced;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Compose screen's state: which task and variant of the open prompt set are being designed, their templates,
 * exemplars, variant controls and test-case inputs, and the live preview of the exact prompt they render to.
 * Every edit is written through to the {@link PromptSetDocument} at once, so the document is the one place the state
 * lives and is dirty as soon as anything was typed; any change of the document, from here or elsewhere, is shown
 * again. The preview and the template
 * highlighting are computed on the background executor once edits pause for the quiet period. Touch it on the FX
 * thread only.
 */
public final class ComposeViewModel {
    /** How long edits must pause before the preview is rendered again. */
    public static final Duration QUIET_PERIOD = Duration.ofMillis(250);

    // The variant edits go to when a task has none yet; the first edit adds it to the task.
    private static final String SCRATCH_VARIANT_ID = "default";

    private final PromptSetDocument document;
    private final IdPicker tasks = new IdPicker(this, "selectedTask");
    private final IdPicker variants = new IdPicker(this, "selectedVariant");
    private final ObjectProperty<@Nullable String> selectedTask = tasks.selectedProperty();
    private final ObjectProperty<@Nullable String> selectedVariant = variants.selectedProperty();
    private final ReadOnlyBooleanWrapper hasTask = new ReadOnlyBooleanWrapper(this, "hasTask");
    private final ReadOnlyObjectWrapper<TemplateHighlighting> highlighting =
            new ReadOnlyObjectWrapper<>(this, "highlighting", TemplateHighlighting.NONE);
    private final TemplateFields template = new TemplateFields(this::editTemplate);
    private final ExemplarRows exemplars = new ExemplarRows(list -> editTask(t -> t.withExemplars(list)));
    private final VariantControls variant = new VariantControls(this::editVariant);
    private final CaseInputs inputs = new CaseInputs(this::writeCase, this::requestPreview);
    private final PromptPreview preview;
    private final Debounced<String, TemplateHighlighting> highlighter;
    private final ChangeListener<PromptSet> documentListener = (obs, old, now) -> refresh();
    private @Nullable String shownTask;
    private List<String> variables = List.of();
    private boolean loading;

    /** A view model with the default quiet period and an estimated token count. */
    public ComposeViewModel(PromptSetDocument document, Executor fx, Executor background) {
        this(document, fx, background, QUIET_PERIOD, TokenCounter.estimate());
    }

    /**
     * @param fx the FX thread's executor ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param background renders previews and finds template tags; never the FX thread in the app
     * @param quietPeriod how long edits must pause before the preview is rendered; zero renders at once, which
     *     with same-thread executors makes every edit's preview visible before the edit returns
     */
    public ComposeViewModel(PromptSetDocument document, Executor fx, Executor background, Duration quietPeriod,
            TokenCounter counter) {
        this.document = Objects.requireNonNull(document);
        this.preview = new PromptPreview(fx, background, quietPeriod, counter);
        this.highlighter = new Debounced<>(fx, background, quietPeriod, TemplateHighlighting::of, highlighting::set);
        document.promptSetProperty().addListener(documentListener);
        selectedTask.addListener((obs, old, now) -> selectionChanged());
        selectedVariant.addListener((obs, old, now) -> selectionChanged());
        template.instructionProperty().addListener((obs, old, now) -> highlighter.submit(now));
        refresh();
        highlighter.submit(template.getInstruction());
    }

    /** Stops following the document and drops pending work; for when the screen closes. */
    public void dispose() {
        document.promptSetProperty().removeListener(documentListener);
        preview.clear();
        highlighter.cancel();
    }

    private void selectionChanged() {
        if (!loading) {
            refresh();
        }
    }

    // Shows the document's current state. Runs after every edit, so it only touches what differs.
    private void refresh() {
        loading = true;
        Task task;
        try {
            task = showTaskList(document.getPromptSet());
            if (task != null) {
                showTask(task);
            }
        } finally {
            loading = false;
        }
        if (task == null) {
            shownTask = null;
            preview.clear();
        } else {
            requestPreview();
        }
    }

    private @Nullable Task showTaskList(PromptSet set) {
        List<String> ids = set.tasks().stream().map(Task::id).filter(Objects::nonNull).toList();
        String id = tasks.show(ids, selectedTask.get());
        Task task = id == null ? null : set.task(id).orElse(null);
        hasTask.set(task != null);
        return task;
    }

    private void showTask(Task task) {
        boolean newTask = !Objects.equals(task.id(), shownTask);
        shownTask = task.id();
        List<String> ids = task.variants().stream().map(Variant::id).filter(Objects::nonNull).toList();
        variants.show(ids, newTask ? null : selectedVariant.get());
        // While a template does not parse (mid-typing), keep the columns and fields it had.
        variables = InputVariableNames.of(task)
                .orElse(newTask || variables.isEmpty() ? InputVariableNames.fromValues(task) : variables);
        Variant shown = variantOf(task);
        template.show(task.effectiveTemplate());
        exemplars.show(task.exemplars(), variables);
        variant.show(shown, VariantControls.availableExemplars(task, shown));
        inputs.show(task.cases(), variables, newTask);
    }

    private void requestPreview() {
        Optional<Task> task = findTask();
        if (task.isEmpty()) {
            preview.clear();
            return;
        }
        TestCase testCase = inputs.current();
        String inputName = testCase.id() != null ? "case \"" + testCase.id() + "\"" : "the inputs";
        preview.request(task.get(), variantOf(task.get()), testCase.inputs(), inputName);
    }

    private void editTask(UnaryOperator<Task> change) {
        String id = shownTask;
        if (!loading && id != null) {
            document.editTask(id, change);
        }
    }

    private void editTemplate(UnaryOperator<PromptTemplate> change) {
        editTask(t -> TaskEdits.withTemplate(t, change));
    }

    private void editVariant(UnaryOperator<Variant> change) {
        editTask(t -> TaskEdits.withVariant(t, selectedVariant.get(), Variant.named(SCRATCH_VARIANT_ID), change));
    }

    private void writeCase(int index, TestCase testCase) {
        editTask(t -> TaskEdits.withCase(t, index, testCase));
    }

    private Optional<Task> findTask() {
        String id = shownTask;
        return id == null ? Optional.empty() : document.getPromptSet().task(id);
    }

    private Variant variantOf(Task task) {
        String id = selectedVariant.get();
        return id == null ? Variant.named(SCRATCH_VARIANT_ID) : task.variant(id).orElse(Variant.named(id));
    }

    // ---- What the Run action reads ----

    /**
     * The task as the document has it now.
     *
     * @throws IllegalStateException when the prompt set has no task ({@link #hasTaskProperty()} is false)
     */
    public Task currentTask() {
        return findTask().orElseThrow(() -> new IllegalStateException("The prompt set has no task to compose"));
    }

    /**
     * The task as the document has it now, or empty while there is none. Unlike {@link #hasTaskProperty()}, which
     * follows the document through a listener, this holds inside another listener of the same change too (a set
     * being opened: the old task is gone from the document before the task list is shown again).
     */
    public Optional<Task> currentTaskIfAny() {
        return findTask();
    }

    /** The selected variant as the document has it now; a default one when the task has none yet. */
    public Variant currentVariant() {
        return variantOf(currentTask());
    }

    /** The selected test case with its current inputs and expected answer, or the scratch inputs (no id). */
    public TestCase currentCase() {
        if (findTask().isEmpty()) {
            throw new IllegalStateException("The prompt set has no task to compose");
        }
        return inputs.current();
    }

    /**
     * The exact prompt for the current task, variant and case, rendered now rather than after the quiet period,
     * so a Run right after typing sends what was typed.
     *
     * @throws RenderException when it does not render; {@link PromptPreview#getError()} shows the same message
     */
    public RenderedPrompt currentPrompt() {
        return PromptRenderer.render(currentTask(), currentVariant(), currentCase());
    }

    /** The prompt the preview shows; null while it does not render. Lags edits by the quiet period. */
    public ReadOnlyObjectProperty<@Nullable RenderedPrompt> renderedPromptProperty() {
        return preview.promptProperty();
    }

    public ReadOnlyBooleanProperty hasTaskProperty() {
        return hasTask.getReadOnlyProperty();
    }

    // ---- Selection ----

    public ObservableList<String> getTaskIds() {
        return tasks.ids();
    }

    /** The id of the task being composed; setting it shows that task at its first variant and case. */
    public ObjectProperty<@Nullable String> selectedTaskProperty() {
        return selectedTask;
    }

    public void selectTask(String id) {
        selectedTask.set(id);
    }

    /** The variant ids of the selected task. */
    public ObservableList<String> getVariantIds() {
        return variants.ids();
    }

    public ObjectProperty<@Nullable String> selectedVariantProperty() {
        return selectedVariant;
    }

    public void selectVariant(String id) {
        selectedVariant.set(id);
    }

    /** How pickers show a task: its title. */
    public String taskLabel(String id) {
        return document.getPromptSet().task(id).map(Task::effectiveTitle).orElse(id);
    }

    /** How pickers show a variant of the selected task: its label. */
    public String variantLabel(String id) {
        return findTask().flatMap(t -> t.variant(id)).map(Variant::effectiveLabel).orElse(id);
    }

    // ---- The parts of the screen ----

    public TemplateFields getTemplateFields() {
        return template;
    }

    /** The instruction's tags, found once typing pauses; apply only while the editor shows the same text. */
    public ReadOnlyObjectProperty<TemplateHighlighting> highlightingProperty() {
        return highlighting.getReadOnlyProperty();
    }

    public ExemplarRows getExemplars() {
        return exemplars;
    }

    public VariantControls getVariantControls() {
        return variant;
    }

    public CaseInputs getCaseInputs() {
        return inputs;
    }

    public PromptPreview getPreview() {
        return preview;
    }
}
