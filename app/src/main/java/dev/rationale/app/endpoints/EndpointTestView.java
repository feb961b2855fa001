// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.endpoints.EndpointsViewModel.TestState;
import dev.rationale.app.fx.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The "Test" button, the one-line outcome and the tested endpoint's capabilities. */
final class EndpointTestView extends VBox {

    private final EndpointsViewModel viewModel;
    private final Button test = new Button("Test");
    private final ProgressIndicator running = new ProgressIndicator();
    private final Label summary = new Label();
    private final GridPane capabilities = new GridPane();
    private final VBox members = new VBox(2);

    EndpointTestView(EndpointsViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        bind();
    }

    private void createView() {
        getStyleClass().add(Styles.ENDPOINTS_TEST);
        test.setId("endpoints-test");
        // The summary beside it wraps; the button keeps its word instead of shrinking to "…".
        test.setMinWidth(Region.USE_PREF_SIZE);
        summary.setId("endpoints-test-summary");
        summary.getStyleClass().add(Styles.ENDPOINTS_TEST_SUMMARY);
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        running.setPrefSize(18, 18);
        running.setMaxSize(18, 18);
        capabilities.getStyleClass().add(Styles.ENDPOINTS_CAPABILITIES);
        capabilities.setId("endpoints-capabilities");
        members.setId("endpoints-pool-health");
        members.getStyleClass().add(Styles.ENDPOINTS_POOL_HEALTH);
        HBox row = new HBox(10, test, running, summary);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, members, capabilities);
    }

    private void bind() {
        test.setOnAction(event -> viewModel.test());
        test.disableProperty().bind(viewModel.testStateProperty().isEqualTo(TestState.RUNNING)
                .or(viewModel.getForm().baseUrlErrorProperty().isNotEmpty())
                .or(viewModel.getForm().poolErrorProperty().isNotEmpty()));
        EndpointFormView.showWhen(running, viewModel.testStateProperty().isEqualTo(TestState.RUNNING));
        summary.textProperty().bind(viewModel.testSummaryProperty());
        viewModel.testStateProperty().addListener((obs, old, now) -> {
            summary.getStyleClass().remove(Styles.ENDPOINTS_TEST_FAILED);
            if (now == TestState.FAILED) {
                summary.getStyleClass().add(Styles.ENDPOINTS_TEST_FAILED);
            }
        });
        EndpointFormView.showWhen(members, Bindings.isNotEmpty(viewModel.getPoolMembers()));
        viewModel.getPoolMembers().addListener((ListChangeListener<String>) change -> fillMembers());
        EndpointFormView.showWhen(capabilities, Bindings.isNotEmpty(viewModel.getCapabilities()));
        viewModel.getCapabilities().addListener((ListChangeListener<CapabilityRow>) change -> fillCapabilities());
        fillCapabilities();
    }

    private void fillMembers() {
        members.getChildren().setAll(viewModel.getPoolMembers().stream().map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            return label;
        }).toList());
    }

    private void fillCapabilities() {
        capabilities.getChildren().clear();
        int row = 0;
        for (CapabilityRow capability : viewModel.getCapabilities()) {
            Label mark = new Label(capability.available() ? "✓" : "✗");
            mark.getStyleClass().add(capability.available() ? Styles.ENDPOINTS_CAPABILITY_YES
                    : Styles.ENDPOINTS_CAPABILITY_NO);
            Label feature = new Label(capability.feature());
            Label detail = new Label(capability.detail());
            detail.getStyleClass().add(Styles.ENDPOINTS_CAPABILITY_DETAIL);
            capabilities.addRow(row++, mark, feature, detail);
        }
    }
}
