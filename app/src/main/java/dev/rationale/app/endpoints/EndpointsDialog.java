// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.fx.FxUserDialogs;
import dev.rationale.app.fx.Styles;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.fx.ThemeSwitcher;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Endpoints dialog: add, edit, test and remove the user's endpoints. Changes are written when the user presses
 * Save or Remove, each time calling the {@code onSaved} callback; Close just closes. Build and show it on the FX
 * thread.
 */
public final class EndpointsDialog {

    private final Dialog<Void> dialog;
    private final EndpointsViewModel viewModel;

    /** A dialog on {@code viewModel}, styled with {@code theme}, modal to {@code owner} when there is one. */
    public EndpointsDialog(EndpointsViewModel viewModel, @Nullable Window owner, Theme theme) {
        this(new Dialog<>(), viewModel, owner, theme);
    }

    private EndpointsDialog(Dialog<Void> dialog, EndpointsViewModel viewModel, @Nullable Window owner, Theme theme) {
        this.dialog = dialog;
        this.viewModel = viewModel;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Endpoints");
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add(Styles.ENDPOINTS_DIALOG);
        pane.setContent(new EndpointsView(viewModel));
        pane.getButtonTypes().add(ButtonType.CLOSE);
        pane.setPrefSize(940, 640);
        // A dialog is its own window with its own scene, so the main scene's theme does not reach it.
        ThemeSwitcher.apply(pane.getScene(), theme);
    }

    /**
     * The dialog for the running application, its view model built by the composition root.
     *
     * @param viewModels builds the view model with the questions and file choosers of this dialog's window, e.g.
     *     {@code dialogs -> context.endpointsViewModel(dialogs, runSettings::reloadEndpoints)}
     */
    public static EndpointsDialog create(Function<UserDialogs, EndpointsViewModel> viewModels, @Nullable Window owner,
            Theme theme) {
        Dialog<Void> dialog = new Dialog<>();
        // File choosers and questions belong to this dialog's window, which exists once the dialog does.
        UserDialogs dialogs = new FxUserDialogs(() -> dialog.getDialogPane().getScene().getWindow());
        return new EndpointsDialog(dialog, viewModels.apply(dialogs), owner, theme);
    }

    /** Reads the endpoints and opens the dialog; returns at once. */
    public void show() {
        viewModel.load();
        dialog.show();
    }

    public EndpointsViewModel getViewModel() {
        return viewModel;
    }

    /** The underlying dialog, e.g. to listen for it closing ({@code setOnHidden}). */
    public Dialog<Void> getDialog() {
        return dialog;
    }
}
