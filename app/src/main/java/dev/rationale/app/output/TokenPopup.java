// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The popup of one token: its text (whitespace made visible), its probability, and the alternatives the model
 * weighed at that step, each with a bar and, where the run can branch, a button that continues the answer with
 * that alternative instead; where it can be resampled, a button that continues it K times from before the token.
 * Build and use on the FX thread.
 */
public final class TokenPopup {

    /** Continues a run with another token at a position. */
    public interface BranchAction {
        /** Whether the run shown can branch now (its backend allows it and it has ended). */
        boolean available();

        /** Continues from token {@code tokenIndex} with its alternative number {@code alternative}. */
        void branch(int tokenIndex, int alternative);
    }

    /** Continues a run K times from a token, to see whether its answer flips. */
    public interface ResampleAction {
        /** Whether the run shown can be resampled now. */
        boolean available();

        /** K, for the button's label. */
        int samples();

        /** Continues K times from before token {@code tokenIndex}. */
        void resample(int tokenIndex);
    }

    private static final double BAR_WIDTH = 120;
    private static final Duration HIDE_DELAY = Duration.millis(300);

    private final Popup popup = new Popup();
    private final VBox content = new VBox();
    private final PauseTransition hideLater = new PauseTransition(HIDE_DELAY);
    private @Nullable BranchAction branch;
    private @Nullable ResampleAction resample;

    public TokenPopup() {
        content.setId("token-popup");
        content.getStyleClass().add("token-popup");
        popup.getContent().add(content);
        popup.setAutoHide(true);
        hideLater.setOnFinished(event -> {
            if (!content.isHover()) {
                popup.hide();
            }
        });
    }

    /** Where the popup's Branch buttons go; null hides them (the backend cannot branch). */
    public void setBranchAction(@Nullable BranchAction action) {
        this.branch = action;
    }

    /** Where the popup's Resample button goes; null hides it. */
    public void setResampleAction(@Nullable ResampleAction action) {
        this.resample = action;
    }

    /** Shows token {@code index} at {@code screen} (just below the token). */
    public void show(Node owner, int index, ScoredToken token, Point2D screen) {
        hideLater.stop();
        fill(index, token);
        popup.show(owner, screen.getX(), screen.getY() + 4);
    }

    /** Hides after a short delay, unless the pointer has moved into the popup (to press a Branch button). */
    public void hideUnlessHovered() {
        hideLater.playFromStart();
    }

    public void hide() {
        hideLater.stop();
        popup.hide();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The popup's content, for tests. */
    public VBox content() {
        return content;
    }

    private void fill(int index, ScoredToken token) {
        Label title = new Label("Token " + (index + 1) + ": " + visible(token));
        title.getStyleClass().add("token-popup-title");
        Label probability = new Label(token.logprob() == null ? "no probability given"
                : "p = " + percent(token.probability()) + "   log p = "
                + String.format(Locale.ROOT, "%.3f", token.logprob()));
        probability.getStyleClass().add("token-popup-probability");
        content.getChildren().setAll(title, probability);
        ResampleAction again = resample;
        if (again != null && again.available()) {
            Button button = new Button("Resample ×" + again.samples() + " from here");
            button.setId("token-popup-resample");
            button.getStyleClass().add("token-popup-resample");
            button.setOnAction(event -> {
                popup.hide();
                again.resample(index);
            });
            content.getChildren().add(button);
        }
        if (token.top().isEmpty()) {
            Label none = new Label("No alternatives were returned for this token.");
            none.getStyleClass().add("token-popup-empty");
            content.getChildren().add(none);
            return;
        }
        GridPane rows = new GridPane();
        rows.getStyleClass().add("token-popup-alternatives");
        BranchAction action = branch != null && branch.available() ? branch : null;
        for (int row = 0; row < token.top().size(); row++) {
            addRow(rows, row, index, token, action);
        }
        content.getChildren().add(rows);
    }

    private void addRow(GridPane rows, int row, int index, ScoredToken token, @Nullable BranchAction action) {
        TokenAlternative alternative = token.top().get(row);
        double p = alternative.logprob() == null ? 0 : Math.exp(alternative.logprob());
        Label text = new Label(visible(alternative.text()));
        text.getStyleClass().add("token-popup-alternative");
        if (alternative.text().equals(token.text())) {
            text.getStyleClass().add("token-popup-chosen");
        }
        Region bar = new Region();
        bar.getStyleClass().add("token-popup-bar");
        bar.setMinWidth(Math.max(1, BAR_WIDTH * p));
        bar.setMaxWidth(Math.max(1, BAR_WIDTH * p));
        Label value = new Label(alternative.logprob() == null ? "–" : percent(p));
        value.getStyleClass().add("token-popup-value");
        rows.addRow(row, text, bar, value);
        if (action != null && !alternative.text().equals(token.text())) {
            Button button = new Button("Branch");
            button.getStyleClass().add("token-popup-branch");
            button.setOnAction(event -> {
                popup.hide();
                action.branch(index, row);
            });
            rows.add(button, 3, row);
        }
    }

    static String percent(double p) {
        return p > 0 && p < 0.0005 ? "< 0.1 %" : String.format(Locale.ROOT, "%.1f %%", p * 100);
    }

    /** The token's text with whitespace shown: space as ␣, line break as ↵, tab as ⇥; bytes of a partial character. */
    static String visible(ScoredToken token) {
        if (token.text().isEmpty() && !token.bytes().isEmpty()) {
            StringBuilder bytes = new StringBuilder("bytes");
            token.bytes().forEach(b -> bytes.append(String.format(Locale.ROOT, " %02X", b)));
            return bytes.toString();
        }
        return visible(token.text());
    }

    static String visible(String text) {
        if (text.isEmpty()) {
            return "(empty)";
        }
        return text.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥");
    }
}
