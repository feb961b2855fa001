// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes what a scene currently shows to a PNG file, so a screen can be inspected without a display to look at.
 * Must be called on the FX thread, after the scene has been laid out (i.e. once its window is showing).
 */
public final class SceneSnapshot {

    private SceneSnapshot() {
    }

    /**
     * Renders {@code scene} and saves it as a PNG at {@code target}, creating parent folders and replacing an
     * existing file.
     *
     * @throws IOException if the file cannot be written
     */
    public static void save(Scene scene, Path target) throws IOException {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(target, "target");
        WritableImage image = scene.snapshot(null);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // ImageIO returns false instead of throwing when no writer fits;
        // an unwritten screenshot must not pass silently.
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile())) {
            throw new IOException("No PNG writer available for " + target);
        }
    }
}
