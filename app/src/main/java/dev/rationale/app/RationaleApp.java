// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.rationale.app.firstrun.FirstRunCheck;
import dev.rationale.app.fx.FxUserDialogs;
import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.fx.UncaughtErrorReporter;
import dev.rationale.app.shell.MainWindow;
import dev.rationale.app.shell.MainWindowViewModel;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.app.workspace.SampleFolder;
import dev.rationale.app.theme.Theme;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The JavaFX application: builds the app's services, opens the main window on the last session (or the samples on
 * the first start) and offers the first-run dialog to a user with no endpoint and no model; closes the services on
 * exit. Three system properties serve development and screenshots: {@value #THEME_PROPERTY} ({@code light} or
 * {@code dark}) picks the theme at start-up, {@value #NO_FIRST_RUN_PROPERTY} skips the first-run dialog, and
 * {@value #SNAPSHOT_PROPERTY} (a file path) saves a PNG of the main window shortly after it is shown; the app keeps
 * running afterwards. For {@code bench/startup.sh}, {@value #SHOWN_LOG_PROPERTY} prints when the main window has
 * been laid out and shown for the first time (and with the value {@code exit}, quits then).
 */
public final class RationaleApp extends Application {

    /** System property naming the start-up theme, e.g. {@code -Drationale.theme=dark}. */
    public static final String THEME_PROPERTY = "rationale.theme";

    /** System property that skips the first-run dialog, e.g. for screenshots: {@code -Drationale.noFirstRun=true}. */
    public static final String NO_FIRST_RUN_PROPERTY = "rationale.noFirstRun";

    /** System property naming a PNG file to save the main window to, e.g. {@code -Drationale.snapshot=/tmp/a.png}. */
    public static final String SNAPSHOT_PROPERTY = "rationale.snapshot";

    /**
     * System property that prints "rationale: main window shown at EPOCH_MILLIS" on the standard error once the main
     * window's first layout pulse is done: {@code -Drationale.shownLog=true}, or {@code =exit} to quit right after.
     */
    public static final String SHOWN_LOG_PROPERTY = "rationale.shownLog";

    // Long enough for the first layout, CSS pass and font loading to settle, so the picture shows the real screen.
    private static final Duration SNAPSHOT_DELAY = Duration.millis(1500);

    private static final Logger LOG = System.getLogger(RationaleApp.class.getName());

    // Made by prepareServices() while the toolkit starts; null when the app was launched another way.
    private static volatile @Nullable CompletableFuture<AppContext> preparedContext;

    private @Nullable AppContext context;
    private @Nullable MainWindowViewModel mainWindow;

    @Override
    public void start(Stage stage) {
        UncaughtErrorReporter.install();
        AppContext ctx = takeContext();
        context = ctx;
        ThemeViewModel theme = ctx.themeViewModel();
        applyStartupTheme(theme);
        MainWindowViewModel viewModel = ctx.mainWindowViewModel(new FxUserDialogs(() -> stage), SampleFolder.find());
        mainWindow = viewModel;
        var window = new MainWindow(theme, viewModel, ctx, Platform::exit);
        window.showIn(stage);
        String shownLog = System.getProperty(SHOWN_LOG_PROPERTY);
        if (shownLog != null) {
            logWhenShown(stage.getScene(), shownLog.strip().equals("exit"));
        }
        viewModel.getRunSettings().reloadEndpoints();
        viewModel.getSession().start().thenRun(() -> offerFirstRun(ctx, window));
        String snapshot = System.getProperty(SNAPSHOT_PROPERTY);
        if (snapshot != null && !snapshot.isBlank()) {
            scheduleSnapshot(stage.getScene(), Path.of(snapshot.strip()));
        }
    }

    /**
     * Starts building the app's services (HTTP client, keychain, endpoint store) on a thread of their own, so that
     * they are made while the JavaFX toolkit starts instead of after it; {@link #start} takes them. For the launcher's
     * {@code main}, before {@code Application.launch}.
     */
    static void prepareServices() {
        preparedContext = CompletableFuture.supplyAsync(() -> AppContext.create(Platform::runLater),
                task -> Thread.ofPlatform().name("rationale-services").daemon().start(task));
    }

    private static AppContext takeContext() {
        CompletableFuture<AppContext> prepared = preparedContext;
        preparedContext = null;
        if (prepared == null) {
            return AppContext.create(Platform::runLater);
        }
        try {
            return prepared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void logWhenShown(Scene scene, boolean exit) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.err.println("rationale: main window shown at " + System.currentTimeMillis());
            if (exit) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    // The welcome dialog only for a user with no endpoint and no model; deciding reads files, so not on the FX thread.
    private static void offerFirstRun(AppContext ctx, MainWindow window) {
        if (Boolean.getBoolean(NO_FIRST_RUN_PROPERTY)) {
            return;
        }
        CompletableFuture.supplyAsync(() -> FirstRunCheck.isNeeded(ctx.endpoints(), ctx.modelsDirectory()),
                ctx.background()).thenAcceptAsync(needed -> {
                    if (needed) {
                        window.showFirstRun();
                    }
                }, ctx.fx());
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.dispose();
        }
        if (context != null) {
            context.close();
        }
    }

    private static void applyStartupTheme(ThemeViewModel viewModel) {
        String name = System.getProperty(THEME_PROPERTY);
        if (name == null || name.isBlank()) {
            return;
        }
        Theme.parse(name).ifPresentOrElse(viewModel::setTheme,
                () -> LOG.log(Level.WARNING, "Unknown theme \"{0}\" in -D{1}; keeping {2}",
                        name, THEME_PROPERTY, viewModel.getTheme().getDisplayName()));
    }

    private static void scheduleSnapshot(Scene scene, Path target) {
        var pause = new PauseTransition(SNAPSHOT_DELAY);
        pause.setOnFinished(event -> {
            try {
                SceneSnapshot.save(scene, target);
                LOG.log(Level.INFO, "Saved a snapshot of the main window to {0}", target.toAbsolutePath());
            } catch (IOException e) {
                LOG.log(Level.ERROR, "Could not save a snapshot to " + target.toAbsolutePath(), e);
            }
        });
        pause.play();
    }
}
