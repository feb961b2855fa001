// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.fx.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A pool's members in the endpoint form: one row per saved server that may serve in a pool, a box to take it in and
 * the requests it takes at once; below them why the pool cannot be saved as it stands, if it cannot.
 */
final class PoolMembersView extends VBox {
    /** The most requests at once a member can be given here; a server that takes more is rare. */
    static final int MAX_CONCURRENCY = 512;

    private final EndpointForm form;
    private final VBox rows = new VBox(4);

    PoolMembersView(EndpointForm form) {
        super(6);
        this.form = form;
        createView();
        initListeners();
    }

    private void createView() {
        setId("endpoints-pool-members");
        getStyleClass().add(Styles.ENDPOINTS_POOL);
        Label hint = new Label("Servers of one model. Each request goes to the member with the fewest requests in"
                + " flight for its concurrency; one that fails is taken out and probed back in.");
        hint.getStyleClass().add(Styles.ENDPOINTS_HINT);
        hint.setWrapText(true);
        Label none = new Label("Save the servers first (OpenAI-compatible, llama.cpp or Ollama, each with its"
                + " model); they are offered here.");
        none.getStyleClass().add(Styles.ENDPOINTS_HINT);
        none.setWrapText(true);
        EndpointFormView.showWhen(none, Bindings.isEmpty(form.getPoolMembers()));
        getChildren().addAll(hint, rows, none,
                EndpointFormView.message(form.poolErrorProperty(), Styles.ENDPOINTS_ERROR));
    }

    private void initListeners() {
        fill();
        form.getPoolMembers().addListener((ListChangeListener<PoolMemberChoice>) change -> {
            // Ticks and concurrencies change the choices in place; only a new set of them is laid out again.
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    fill();
                    return;
                }
            }
        });
    }

    private void fill() {
        rows.getChildren().clear();
        for (PoolMemberChoice choice : form.getPoolMembers()) {
            rows.getChildren().add(row(choice));
        }
    }

    private static HBox row(PoolMemberChoice choice) {
        String name = choice.getEndpoint().name();
        CheckBox chosen = new CheckBox(choice.label());
        chosen.setId("endpoints-member-" + name);
        chosen.selectedProperty().bindBidirectional(choice.chosenProperty());
        Spinner<Integer> concurrency = new Spinner<>(
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MAX_CONCURRENCY,
                        choice.concurrencyProperty().get()));
        concurrency.setId("endpoints-member-concurrency-" + name);
        concurrency.setEditable(true);
        concurrency.setPrefWidth(90);
        concurrency.disableProperty().bind(choice.chosenProperty().not());
        concurrency.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                choice.concurrencyProperty().set(now);
            }
        });
        Label at = new Label("at once");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, chosen, spacer, concurrency, at);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
