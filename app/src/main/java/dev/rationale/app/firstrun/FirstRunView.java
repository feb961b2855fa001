// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.app.fx.Styles;
import dev.rationale.core.download.DetectedServer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first-run screen: what the embedded engine is, then the ways to a first model: a file on disk or a download
 * (left), a server already running here or any other endpoint (right).
 */
public final class FirstRunView extends VBox {

    static final String INTRO = "Rationale can run models itself: its embedded engine is llama.cpp inside the app,"
            + " reading a GGUF model file from your disk, with no server, account or network needed. It is also"
            + " the one backend that shows exact probabilities for every token and can branch from any of them.";

    private final FirstRunViewModel viewModel;
    private final VBox serverRows = new VBox(8);

    public FirstRunView(FirstRunViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        bindServers();
    }

    private void createView() {
        getStyleClass().add(Styles.FIRST_RUN);
        Label intro = new Label(INTRO);
        intro.getStyleClass().add(Styles.FIRST_RUN_INTRO);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = column(fileSection(), new DownloadSection(viewModel));
        VBox right = column(serversSection(), otherSection());
        HBox columns = new HBox(18, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(480);
        right.setPrefWidth(400);
        getChildren().addAll(intro, columns);
    }

    private Node fileSection() {
        Button choose = new Button("Choose GGUF file…");
        choose.setId("first-run-choose-file");
        choose.setOnAction(event -> viewModel.chooseModelFile());
        Label message = text("");
        message.setId("first-run-file-message");
        message.textProperty().bind(viewModel.fileMessageProperty());
        showWhen(message, Bindings.isNotEmpty(viewModel.fileMessageProperty()));
        return section("Use a model file you already have",
                text("The file stays where it is; Rationale remembers its path."), choose, message);
    }

    private Node serversSection() {
        Label message = text("");
        message.setId("first-run-servers-message");
        message.textProperty().bind(viewModel.serversMessageProperty());
        showWhen(message, Bindings.isNotEmpty(viewModel.serversMessageProperty()));
        Button again = new Button("Look again");
        again.setId("first-run-look-again");
        again.setOnAction(event -> viewModel.findServers());
        again.disableProperty().bind(viewModel.searchingProperty());
        return section("Use a server running on this machine", message, serverRows, again);
    }

    private Node otherSection() {
        Label vllm = text("A vLLM server speaks the OpenAI API: add an endpoint of the OpenAI-compatible kind with"
                + " its base URL, for example");
        Label example = new Label("http://host:8000/v1");
        example.getStyleClass().add(Styles.FIRST_RUN_CODE);
        Label hosted = text("For OpenAI, Anthropic, Gemini or another hosted API, add an endpoint and give its key"
                + " as an environment variable or in the keychain.");
        Button open = new Button("Open Endpoints…");
        open.setId("first-run-open-endpoints");
        open.setOnAction(event -> viewModel.openEndpoints());
        return section("vLLM or a hosted API", vllm, example, hosted, open);
    }

    private void bindServers() {
        viewModel.getServers().addListener((ListChangeListener<DetectedServer>) change -> fillServers());
        fillServers();
    }

    private void fillServers() {
        serverRows.getChildren().clear();
        int index = 0;
        for (DetectedServer server : viewModel.getServers()) {
            Label name = new Label(server.description());
            name.setTooltip(new Tooltip(server.description()));
            name.getStyleClass().add(Styles.FIRST_RUN_SERVER_NAME);
            Label url = new Label(server.baseUrl());
            url.getStyleClass().add(Styles.FIRST_RUN_SERVER_URL);
            VBox info = new VBox(2, name, url);
            // A long description gives way (with an ellipsis), never the button.
            info.setMinWidth(0);
            info.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(info, Priority.ALWAYS);
            Button use = new Button("Use this");
            use.setId("first-run-use-server-" + index++);
            use.setMinWidth(Region.USE_PREF_SIZE);
            use.setOnAction(event -> viewModel.useServer(server));
            HBox row = new HBox(10, info, use);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(Styles.FIRST_RUN_SERVER);
            serverRows.getChildren().add(row);
        }
    }

    static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.FIRST_RUN_SECTION_TITLE);
        VBox section = new VBox(8, heading);
        section.getChildren().addAll(content);
        section.getStyleClass().add(Styles.FIRST_RUN_SECTION);
        return section;
    }

    private static VBox column(Node... sections) {
        VBox column = new VBox(14, sections);
        column.getStyleClass().add(Styles.FIRST_RUN_COLUMN);
        return column;
    }

    static Label text(String content) {
        Label label = new Label(content);
        label.getStyleClass().add(Styles.FIRST_RUN_TEXT);
        label.setWrapText(true);
        // Wrapped labels in a VBox otherwise get squeezed to one clipped line.
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
