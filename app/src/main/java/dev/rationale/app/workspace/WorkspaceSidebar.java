// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import dev.rationale.core.workspace.PromptSetFolder;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The workspace sidebar: the prompt sets in the workspace folder, then the recently opened files. A click or Enter
 * on a file opens it; the open file is marked in both lists. Binds to {@link WorkspaceViewModel}.
 */
public final class WorkspaceSidebar extends VBox {

    /**
     * @param openFile what opening a listed file does (the caller asks about unsaved edits)
     * @param openFolder lets the user choose another folder
     * @param openFileNow the file the window shows, to mark it in the lists
     */
    public WorkspaceSidebar(WorkspaceViewModel viewModel, Consumer<Path> openFile, Runnable openFolder,
            ObservableValue<@Nullable Path> openFileNow) {
        getStyleClass().add("workspace-sidebar");
        setId("workspace-sidebar");

        Label folderName = new Label();
        folderName.setId("workspace-folder");
        folderName.getStyleClass().add("workspace-folder");
        folderName.textProperty().bind(Bindings.createStringBinding(() -> {
            Path folder = viewModel.getFolder();
            return folder == null ? "No folder" : String.valueOf(folder.getFileName());
        }, viewModel.folderProperty()));
        Tooltip folderTip = new Tooltip();
        folderTip.textProperty().bind(Bindings.createStringBinding(() -> {
            Path folder = viewModel.getFolder();
            return folder == null ? "Choose a folder of prompt sets" : folder.toString();
        }, viewModel.folderProperty()));
        folderName.setTooltip(folderTip);
        Button chooseFolder = new Button("Open…");
        chooseFolder.setId("workspace-open-folder");
        chooseFolder.getStyleClass().add("workspace-open-folder");
        chooseFolder.setOnAction(event -> openFolder.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox folderRow = new HBox(6, folderName, spacer, chooseFolder);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        ListView<Path> files = fileList("workspace-files", viewModel.getFolderFiles(), openFile, openFileNow, false);
        Label folderMessage = new Label();
        folderMessage.getStyleClass().add("workspace-message");
        folderMessage.textProperty().bind(viewModel.folderMessageProperty());
        folderMessage.managedProperty().bind(folderMessage.textProperty().isNotEmpty());
        folderMessage.visibleProperty().bind(folderMessage.managedProperty());
        ListView<Path> recent = fileList("workspace-recent", viewModel.getRecentFiles(), openFile, openFileNow,
                true);
        VBox.setVgrow(files, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.SOMETIMES);

        getChildren().addAll(heading("Prompt sets"), folderRow, folderMessage, files, heading("Recent"), recent);
    }

    private static Label heading(String text) {
        Label label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("workspace-heading");
        return label;
    }

    private static ListView<Path> fileList(String id, ObservableList<Path> items, Consumer<Path> open,
            ObservableValue<@Nullable Path> openNow, boolean showFolder) {
        ListView<Path> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().add("workspace-list");
        list.setCellFactory(view -> new FileCell(openNow, showFolder));
        list.setOnMouseClicked(event -> {
            Path chosen = list.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && chosen != null && !chosen.equals(openNow.getValue())) {
                open.accept(chosen);
            }
        });
        list.setOnKeyPressed(event -> {
            Path chosen = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                open.accept(chosen);
                event.consume();
            }
        });
        list.setPlaceholder(new Label(showFolder ? "Nothing opened yet" : ""));
        list.setPrefHeight(showFolder ? 160 : 240);
        return list;
    }

    /** A file as its prompt-set name, the folder beneath it in the recent list; the open file in bold. */
    private static final class FileCell extends ListCell<Path> {

        private final ObservableValue<@Nullable Path> openNow;
        private final boolean showFolder;

        FileCell(ObservableValue<@Nullable Path> openNow, boolean showFolder) {
            this.openNow = openNow;
            this.showFolder = showFolder;
            openNow.addListener((obs, old, now) -> markOpen());
        }

        @Override
        protected void updateItem(@Nullable Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
            } else {
                Label name = new Label(PromptSetFolder.displayName(item));
                name.getStyleClass().add("workspace-file-name");
                VBox box = new VBox(name);
                if (showFolder && item.getParent() != null) {
                    Label folder = new Label(String.valueOf(item.getParent().getFileName()));
                    folder.getStyleClass().add("workspace-file-folder");
                    box.getChildren().add(folder);
                }
                setText(null);
                setGraphic(box);
                setTooltip(new Tooltip(item.toString()));
            }
            markOpen();
        }

        private void markOpen() {
            Path item = getItem();
            Path open = openNow.getValue();
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), item != null && open != null
                    && item.toAbsolutePath().normalize().equals(open.toAbsolutePath().normalize()));
        }
    }
}
