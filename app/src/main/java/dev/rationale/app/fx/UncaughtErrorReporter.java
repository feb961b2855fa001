// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * The last line of defence: an exception nobody caught, on any thread, is logged with its stack trace and shown to
 * the user in a dialog, instead of vanishing into a console nobody reads while the window silently stops working.
 */
public final class UncaughtErrorReporter implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = System.getLogger(UncaughtErrorReporter.class.getName());

    private final Executor fx;
    private final Consumer<Throwable> show;

    /**
     * @param fx runs on the FX thread ({@code Platform::runLater})
     * @param show presents the failure to the user; called on {@code fx}
     */
    public UncaughtErrorReporter(Executor fx, Consumer<Throwable> show) {
        this.fx = fx;
        this.show = show;
    }

    /** Installs a reporter with an error dialog as the default handler of every thread. */
    public static UncaughtErrorReporter install() {
        UncaughtErrorReporter reporter = new UncaughtErrorReporter(Platform::runLater, UncaughtErrorReporter::dialog);
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        return reporter;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.ERROR, "Uncaught exception in thread " + thread.getName(), error);
        fx.execute(() -> show.accept(error));
    }

    /** The words the dialog shows: what happened, in one line, and where the details are. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        String what = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        return what + "\n\nThe details are in the log. Your work is unchanged; save it if you can.";
    }

    private static void dialog(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, describe(error), ButtonType.OK);
        alert.setTitle("Rationale");
        alert.setHeaderText("Something went wrong");
        alert.getDialogPane().getStyleClass().add("uncaught-error");
        alert.show();
    }
}
