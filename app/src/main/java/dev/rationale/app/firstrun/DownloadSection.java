// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.app.fx.Styles;
import dev.rationale.core.download.RecommendedModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The recommended models, the Download and Cancel buttons, and the running download's progress and outcome. */
final class DownloadSection extends VBox {

    private static final double OUTCOME_HEIGHT = 64;

    private final ModelDownloadViewModel download;
    private final FirstRunViewModel viewModel;
    private final ListView<RecommendedModel> models = new ListView<>();
    private final Button start = new Button();
    private final Button cancel = new Button("Cancel");
    private final Button use = new Button("Use this model");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = FirstRunView.text("");
    private final Label checksum = FirstRunView.text("");
    private final Label message = FirstRunView.text("");
    private final Label where = FirstRunView.text("");

    DownloadSection(FirstRunViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        this.download = viewModel.getDownload();
        createView();
        bind();
    }

    private void createView() {
        getStyleClass().add(Styles.FIRST_RUN_SECTION);
        Label heading = new Label("Download a recommended model");
        heading.getStyleClass().add(Styles.FIRST_RUN_SECTION_TITLE);
        models.setId("first-run-models");
        models.getStyleClass().add(Styles.FIRST_RUN_MODELS);
        models.setCellFactory(view -> new ModelCell());
        // Tall enough for all four recommended models at the dialog's usual width, without a scroll bar.
        models.setPrefHeight(262);
        // The lines below grow while downloading; the list keeps its height rather than gaining a scroll bar.
        models.setMinHeight(Region.USE_PREF_SIZE);
        start.setId("first-run-download");
        cancel.setId("first-run-cancel");
        use.setId("first-run-use-download");
        use.setDefaultButton(true);
        progress.setId("first-run-progress");
        progress.getStyleClass().add(Styles.FIRST_RUN_PROGRESS);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("first-run-progress-text");
        progressText.getStyleClass().add(Styles.FIRST_RUN_PROGRESS_TEXT);
        checksum.setId("first-run-checksum");
        checksum.getStyleClass().add(Styles.FIRST_RUN_CHECKSUM);
        message.setId("first-run-download-message");
        where.setText("The file goes to " + download.getModelsDirectory() + ". A stopped download resumes where it"
                + " left off.");
        HBox buttons = new HBox(8, start, cancel, use, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // Room for the three lines a download shows, reserved up front: a dialog does not grow once it is open.
        VBox outcome = new VBox(4, where, progressText, checksum, message);
        outcome.setMinHeight(OUTCOME_HEIGHT);
        getChildren().addAll(heading, models, buttons, outcome);
    }

    private void bind() {
        models.setItems(download.getModels());
        models.getSelectionModel().select(download.selectedProperty().get());
        models.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                download.selectedProperty().set(now);
            }
        });
        BooleanBinding running = download.stateProperty().isEqualTo(DownloadState.RUNNING);
        BooleanBinding done = download.stateProperty().isEqualTo(DownloadState.DONE);
        // Locked while its download runs, but not disabled: a disabled list fades out, and which model is coming
        // is the point.
        models.mouseTransparentProperty().bind(running);
        models.focusTraversableProperty().bind(running.not());
        start.textProperty().bind(Bindings.createStringBinding(() -> switch (download.stateProperty().get()) {
            case CANCELLED -> "Resume download";
            case FAILED -> "Try again";
            default -> "Download";
        }, download.stateProperty()));
        start.setOnAction(event -> download.start());
        start.disableProperty().bind(download.selectedProperty().isNull());
        FirstRunView.showWhen(start, running.not().and(done.not()));
        cancel.setOnAction(event -> download.cancel());
        FirstRunView.showWhen(cancel, running);
        use.setOnAction(event -> viewModel.useDownloadedModel());
        FirstRunView.showWhen(use, done);
        progress.progressProperty().bind(download.progressProperty());
        FirstRunView.showWhen(progress, download.stateProperty().isNotEqualTo(DownloadState.IDLE));
        bindText(progressText, download.progressTextProperty());
        bindText(checksum, download.checksumProperty());
        bindText(message, download.messageProperty());
        FirstRunView.showWhen(where, download.stateProperty().isEqualTo(DownloadState.IDLE));
        download.verifiedProperty().addListener((obs, old, verified) -> {
            checksum.getStyleClass().remove(Styles.FIRST_RUN_CHECKSUM_VERIFIED);
            if (verified) {
                checksum.getStyleClass().add(Styles.FIRST_RUN_CHECKSUM_VERIFIED);
            }
        });
        download.stateProperty().addListener((obs, old, state) -> {
            message.getStyleClass().remove(Styles.FIRST_RUN_ERROR);
            if (state == DownloadState.FAILED) {
                message.getStyleClass().add(Styles.FIRST_RUN_ERROR);
            }
        });
    }

    private static void bindText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        FirstRunView.showWhen(label, Bindings.isNotEmpty(text));
    }

    /** A model as its name, its size and parameters, and one sentence on what to expect. */
    private static final class ModelCell extends ListCell<RecommendedModel> {
        private final Label name = new Label();
        private final Label meta = new Label();
        private final Label description = new Label();
        private final VBox box = new VBox(2, new HBox(8, name, meta), description);

        ModelCell() {
            name.getStyleClass().add(Styles.FIRST_RUN_MODEL_NAME);
            meta.getStyleClass().add(Styles.FIRST_RUN_MODEL_META);
            description.getStyleClass().add(Styles.FIRST_RUN_MODEL_DESCRIPTION);
            description.setWrapText(true);
            // A cell's width follows the list; without a cap the wrapped text would ask for a horizontal bar.
            box.setMinWidth(0);
            box.prefWidthProperty().bind(widthProperty().subtract(24));
        }

        @Override
        protected void updateItem(RecommendedModel item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.displayName());
            meta.setText(ModelDownloadViewModel.bytes(item.sizeBytes()) + " · " + parameters(item.parameters())
                    + " parameters");
            description.setText(item.description());
            setGraphic(box);
        }

        private static String parameters(long count) {
            return count >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1fB", count / 1e9)
                    : Math.round(count / 1e6) + "M";
        }
    }
}
