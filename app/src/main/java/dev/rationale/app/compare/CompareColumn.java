// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.app.output.OutputViewModel;
import dev.rationale.core.endpoint.Endpoint;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * One column of a comparison: which variant on which endpoint and model, an optional seed (for repeats of one
 * configuration), and the output it streams into. A branch column, or one showing a finished completion, has a fixed
 * title and is not re-run. Touch it on the FX thread.
 */
public final class CompareColumn {

    private final StringProperty variantId = new SimpleStringProperty(this, "variantId");
    private final ObjectProperty<@Nullable Endpoint> endpoint = new SimpleObjectProperty<>(this, "endpoint");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<@Nullable Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final OutputViewModel output;
    private final Kind kind;

    /** What a column holds. */
    enum Kind {
        /** A variant on an endpoint and model, run with the others. */
        RUN,
        /** A branch of another column's answer. */
        BRANCH,
        /** A completion that ended earlier, shown again from an evaluation or the history. */
        FINISHED
    }

    CompareColumn(Executor fx, Executor background, @Nullable String variantId, @Nullable Endpoint endpoint,
            String model, Kind kind) {
        this.output = new OutputViewModel(fx, background);
        this.variantId.set(variantId);
        this.endpoint.set(endpoint);
        this.model.set(model);
        this.kind = kind;
    }

    public StringProperty variantIdProperty() {
        return variantId;
    }

    public ObjectProperty<@Nullable Endpoint> endpointProperty() {
        return endpoint;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** The sampling seed of this column, or null for the run's own. */
    public ObjectProperty<@Nullable Long> seedProperty() {
        return seed;
    }

    /** What the header says: the run's label once it ran, or a branch's description. */
    public StringProperty titleProperty() {
        return title;
    }

    public OutputViewModel output() {
        return output;
    }

    /** Whether this column holds a branch of another's answer. */
    public boolean isBranch() {
        return kind == Kind.BRANCH;
    }

    /** Whether this column shows a completion that ended earlier, read back rather than run. */
    public boolean isFinished() {
        return kind == Kind.FINISHED;
    }

    /** Whether Run all runs this column; a branch or a finished completion keeps its content. */
    public boolean isRunnable() {
        return kind == Kind.RUN;
    }
}
