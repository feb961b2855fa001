// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.app.fx.FxUserDialogs;
import dev.rationale.app.fx.Styles;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.fx.ThemeSwitcher;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * The first-run dialog, for a user with no endpoint and no model. It ends when the user picks a model file, uses a
 * downloaded model or a found server, goes on to the Endpoints dialog, or closes it ("Not now"); its result is the
 * {@link FirstRunChoice}. Closing stops a running download, keeping the partial file for a resume. Build and show
 * it on the FX thread.
 */
public final class FirstRunDialog {

    private static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Dialog<FirstRunChoice> dialog;
    private final FirstRunViewModel viewModel;

    /** A dialog on {@code viewModel}, styled with {@code theme}, modal to {@code owner} when there is one. */
    public FirstRunDialog(FirstRunViewModel viewModel, @Nullable Window owner, Theme theme) {
        this(new Dialog<>(), viewModel, owner, theme);
    }

    private FirstRunDialog(Dialog<FirstRunChoice> dialog, FirstRunViewModel viewModel, @Nullable Window owner,
            Theme theme) {
        this.dialog = dialog;
        this.viewModel = viewModel;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Welcome to Rationale");
        dialog.setHeaderText("Choose a model to start with");
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add(Styles.FIRST_RUN_DIALOG);
        pane.setContent(new FirstRunView(viewModel));
        pane.getButtonTypes().add(NOT_NOW);
        pane.setPrefWidth(960);
        // A dialog is its own window with its own scene, so the main scene's theme does not reach it.
        ThemeSwitcher.apply(pane.getScene(), theme);
        // Only reads: the view model is closed once the window is hidden, whichever way it was closed.
        dialog.setResultConverter(button -> viewModel.choiceOnClose());
        dialog.setOnHidden(event -> viewModel.close());
        viewModel.finishedProperty().addListener((obs, old, finished) -> {
            if (finished && dialog.isShowing()) {
                // Setting a showing dialog's result closes it; a close() on top would report "hidden" twice.
                dialog.setResult(viewModel.getChoice());
            }
        });
    }

    /**
     * The dialog for the running application, its view model built by the composition root.
     *
     * @param viewModels builds the view model with the file chooser of this dialog's window, e.g.
     *     {@code dialogs -> context.firstRunViewModel(dialogs, openEndpoints)}
     */
    public static FirstRunDialog create(Function<UserDialogs, FirstRunViewModel> viewModels, @Nullable Window owner,
            Theme theme) {
        Dialog<FirstRunChoice> dialog = new Dialog<>();
        // The file chooser belongs to this dialog's window, which exists once the dialog does.
        UserDialogs dialogs = new FxUserDialogs(() -> dialog.getDialogPane().getScene().getWindow());
        return new FirstRunDialog(dialog, viewModels.apply(dialogs), owner, theme);
    }

    /** Opens the dialog, starts looking for local servers, and returns at once; {@code onClosed} gets the choice. */
    public void show(Consumer<FirstRunChoice> onClosed) {
        dialog.setOnHidden(event -> {
            viewModel.close();
            onClosed.accept(viewModel.getChoice());
        });
        viewModel.findServers();
        dialog.show();
    }

    /** Opens the dialog and waits (in a nested event loop) until it closes; returns the choice. */
    public FirstRunChoice showAndWait() {
        viewModel.findServers();
        dialog.showAndWait();
        viewModel.close();
        return viewModel.getChoice();
    }

    public FirstRunViewModel getViewModel() {
        return viewModel;
    }

    /** The underlying dialog. */
    public Dialog<FirstRunChoice> getDialog() {
        return dialog;
    }
}
