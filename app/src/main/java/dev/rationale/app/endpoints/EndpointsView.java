// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.fx.Styles;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.provider.ProviderKind;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Endpoints screen: the saved endpoints on the left, the edited one's form and test on the right. */
public final class EndpointsView extends BorderPane {

    private final EndpointsViewModel viewModel;
    private final ListView<Endpoint> list = new ListView<>();
    private final Button add = new Button("Add");
    private final Button remove = new Button("Remove");
    private final Button save = new Button("Save");
    private final Label title = new Label();
    private final Label status = new Label();

    public EndpointsView(EndpointsViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        bind();
    }

    private void createView() {
        getStyleClass().add(Styles.ENDPOINTS);
        list.setId("endpoints-list");
        list.getStyleClass().add(Styles.ENDPOINTS_LIST);
        list.setCellFactory(view -> new EndpointCell());
        list.setPlaceholder(new Label("No endpoints yet"));
        add.setId("endpoints-add");
        remove.setId("endpoints-remove");
        HBox listButtons = new HBox(6, add, remove);
        VBox sidebar = new VBox(8, list, listButtons);
        sidebar.getStyleClass().add(Styles.ENDPOINTS_SIDEBAR);
        VBox.setVgrow(list, Priority.ALWAYS);
        setLeft(sidebar);

        title.getStyleClass().add(Styles.ENDPOINTS_TITLE);
        save.setId("endpoints-save");
        save.setDefaultButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setId("endpoints-status");
        status.getStyleClass().add(Styles.ENDPOINTS_STATUS);
        status.setWrapText(true);
        HBox actions = new HBox(10, status, spacer, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox editor = new VBox(14, title, new EndpointFormView(viewModel), new Separator(),
                new EndpointTestView(viewModel), actions);
        editor.getStyleClass().add(Styles.ENDPOINTS_EDITOR);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private void bind() {
        list.setItems(viewModel.getEndpoints());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> select(now));
        add.setOnAction(event -> viewModel.newEndpoint());
        remove.setOnAction(event -> viewModel.remove());
        remove.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        save.setOnAction(event -> viewModel.save());
        save.disableProperty().bind(viewModel.getForm().validProperty().not().or(viewModel.busyProperty())
                .or(viewModel.storeReadableProperty().not()));
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Endpoint editing = viewModel.getForm().originalProperty().get();
            return editing == null ? "New endpoint" : "Edit “" + editing.name() + "”";
        }, viewModel.getForm().originalProperty()));
        status.textProperty().bind(viewModel.statusProperty());
        viewModel.statusIsErrorProperty().addListener((obs, old, error) -> {
            status.getStyleClass().remove(Styles.ENDPOINTS_STATUS_ERROR);
            if (error) {
                status.getStyleClass().add(Styles.ENDPOINTS_STATUS_ERROR);
            }
        });
        select(viewModel.selectedProperty().get());
    }

    private void select(Endpoint endpoint) {
        if (endpoint == null) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().select(endpoint);
        }
    }

    /** An endpoint as its name over its kind and address. */
    private static final class EndpointCell extends ListCell<Endpoint> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        EndpointCell() {
            name.getStyleClass().add(Styles.ENDPOINTS_LIST_NAME);
            detail.getStyleClass().add(Styles.ENDPOINTS_LIST_DETAIL);
        }

        @Override
        protected void updateItem(Endpoint item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            detail.setText(item.kind() == ProviderKind.POOL
                    ? "pool · " + String.join(", ", item.poolMembers().stream().map(PoolMember::endpoint).toList())
                    : item.kind().id() + " · " + item.effectiveBaseUrl());
            setGraphic(box);
        }
    }
}
