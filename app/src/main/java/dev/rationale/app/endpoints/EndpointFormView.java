// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.fx.Styles;
import dev.rationale.core.provider.ProviderKind;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The fields of the endpoint being edited, each with its inline validation message. */
final class EndpointFormView extends GridPane {

    private final EndpointsViewModel viewModel;
    private final EndpointForm form;
    private final TextField name = new TextField();
    private final ComboBox<ProviderKind> kind =
            new ComboBox<>(FXCollections.observableArrayList(ProviderKind.values()));
    private final Label baseUrlLabel = fieldLabel("Base URL");
    private final TextField baseUrl = new TextField();
    private final Button chooseFolder = new Button("Folder…");
    private final Button chooseFile = new Button("GGUF file…");
    private final ComboBox<String> model = new ComboBox<>();
    private final ToggleGroup keySources = new ToggleGroup();
    private final TextField envVariable = new TextField();
    private final PasswordField typedKey = new PasswordField();
    private final Label keyLabel = fieldLabel("API key");
    private final VBox keyBox = new VBox(6);
    private final Label modelLabel = fieldLabel("Default model");
    private final Label membersLabel = fieldLabel("Members");
    private final PoolMembersView members;
    private VBox baseUrlField;

    EndpointFormView(EndpointsViewModel viewModel) {
        this.viewModel = viewModel;
        this.form = viewModel.getForm();
        this.members = new PoolMembersView(form);
        createView();
        bind();
    }

    private void createView() {
        getStyleClass().add(Styles.ENDPOINTS_FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, fields);
        name.setId("endpoints-name");
        name.setPromptText("e.g. local-ollama");
        kind.setId("endpoints-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setConverter(new KindConverter());
        baseUrl.setId("endpoints-base-url");
        chooseFolder.setId("endpoints-choose-folder");
        chooseFile.setId("endpoints-choose-file");
        model.setId("endpoints-model");
        model.setEditable(true);
        model.setMaxWidth(Double.MAX_VALUE);
        model.setItems(viewModel.getTestModels());
        envVariable.setId("endpoints-env");
        envVariable.setPromptText("e.g. OPENAI_API_KEY");
        typedKey.setId("endpoints-key");
        HBox.setHgrow(baseUrl, Priority.ALWAYS);
        addRow(0, fieldLabel("Name"), field(name, form.nameErrorProperty()));
        addRow(1, fieldLabel("Kind"), kind);
        baseUrlField = field(new HBox(6, baseUrl, chooseFolder, chooseFile), form.baseUrlErrorProperty());
        layOutKindRows(form.kindProperty().get());
        keyBox.getChildren().addAll(keySourceButtons(), envVariable, typedKey,
                message(form.keyHintProperty(), Styles.ENDPOINTS_HINT),
                message(form.keyErrorProperty(), Styles.ENDPOINTS_ERROR));
    }

    /**
     * The rows below the kind: a pool has no address, model or key of its own (its members have them), only its
     * members. Rows are swapped rather than hidden, since the grid keeps its gap around a hidden row.
     */
    private void layOutKindRows(ProviderKind now) {
        getChildren().removeAll(baseUrlLabel, baseUrlField, modelLabel, model, keyLabel, keyBox, membersLabel,
                members);
        if (now == ProviderKind.POOL) {
            addRow(2, membersLabel, members);
        } else {
            addRow(2, baseUrlLabel, baseUrlField);
            addRow(3, modelLabel, model);
            addRow(4, keyLabel, keyBox);
        }
    }

    private HBox keySourceButtons() {
        HBox buttons = new HBox(14);
        for (KeySource source : KeySource.values()) {
            RadioButton button = new RadioButton(source.label());
            button.setId("endpoints-key-" + source.name().toLowerCase(Locale.ROOT));
            button.setUserData(source);
            button.setToggleGroup(keySources);
            // Without a keychain the option stays visible, greyed, so the message below it makes sense.
            button.setDisable(source == KeySource.KEYCHAIN && !form.isKeychainWritable());
            buttons.getChildren().add(button);
        }
        return buttons;
    }

    private void bind() {
        name.textProperty().bindBidirectional(form.nameProperty());
        kind.valueProperty().bindBidirectional(form.kindProperty());
        baseUrl.textProperty().bindBidirectional(form.baseUrlProperty());
        model.getEditor().textProperty().bindBidirectional(form.modelProperty());
        envVariable.textProperty().bindBidirectional(form.envVariableProperty());
        typedKey.textProperty().bindBidirectional(form.typedKeyProperty());
        BooleanBinding embedded = form.kindProperty().isEqualTo(ProviderKind.EMBEDDED);
        showWhen(chooseFolder, embedded);
        showWhen(chooseFile, embedded);
        showWhen(keyLabel, embedded.not());
        showWhen(keyBox, embedded.not());
        form.kindProperty().addListener((obs, old, now) -> layOutKindRows(now));
        showWhen(envVariable, form.keySourceProperty().isEqualTo(KeySource.ENVIRONMENT));
        showWhen(typedKey, form.keySourceProperty().isEqualTo(KeySource.KEYCHAIN));
        baseUrlLabel.textProperty().bind(Bindings.when(embedded).then("Models folder").otherwise("Base URL"));
        baseUrl.promptTextProperty().bind(Bindings.createStringBinding(
                () -> form.defaultBaseUrl(form.kindProperty().get()), form.kindProperty()));
        model.promptTextProperty().bind(Bindings.when(embedded).then("a .gguf file in the folder")
                .otherwise("e.g. llama3.2:3b"));
        typedKey.promptTextProperty().bind(Bindings.createStringBinding(
                () -> form.originalProperty().get() == null ? "paste the key" : "paste a new key to replace it",
                form.originalProperty()));
        chooseFolder.setOnAction(event -> viewModel.chooseModelsFolder());
        chooseFile.setOnAction(event -> viewModel.chooseModelFile());
        syncKeySource();
    }

    private void syncKeySource() {
        selectToggle(form.keySourceProperty().get());
        form.keySourceProperty().addListener((obs, old, now) -> selectToggle(now));
        keySources.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.keySourceProperty().set((KeySource) now.getUserData());
            }
        });
    }

    private void selectToggle(KeySource source) {
        keySources.getToggles().stream().filter(t -> t.getUserData() == source).findFirst()
                .ifPresent(keySources::selectToggle);
    }

    private static VBox field(Node input, ObservableStringValue error) {
        return new VBox(4, input, message(error, Styles.ENDPOINTS_ERROR));
    }

    static Label message(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        // An empty message takes no room, so the form does not jump by blank lines.
        showWhen(label, Bindings.isNotEmpty(text));
        return label;
    }

    static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.ENDPOINTS_FIELD_LABEL);
        // Fields grow downwards with their messages; the label stays level with the input's first line.
        GridPane.setValignment(label, VPos.TOP);
        return label;
    }

    /** Shows kinds by their readable names. */
    private static final class KindConverter extends StringConverter<ProviderKind> {
        @Override
        public String toString(ProviderKind value) {
            return value == null ? "" : KindLabels.of(value);
        }

        @Override
        public ProviderKind fromString(String text) {
            throw new UnsupportedOperationException("the kind box is not editable");
        }
    }
}
