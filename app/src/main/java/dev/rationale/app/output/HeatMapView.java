// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.provider.ScoredToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToIntFunction;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The answer as a heat map: every scored token's background shows its heat level (see {@link HeatLevels}), and
 * hovering a token, or moving the caret onto it with the keyboard, opens a popup with its alternatives. Tokens are
 * appended in the batches the view model delivers, one text edit per batch; the text area is virtualised, so long
 * answers stay fast. Its text nodes have no style classes: they are coloured in code from the theme's heat palette
 * (see {@link ThemedHeatPalette}), as CSS matching each new node of a streaming answer cost most of a frame's CSS.
 * Without scored tokens it shows the plain answer. The thinking is not shown here (see {@link #sync()}). Build and
 * use on the FX thread.
 */
public final class HeatMapView extends StackPane {

    private static final Duration HOVER_DELAY = Duration.ofMillis(250);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ThemedHeatPalette.heatMapCssMetaData();

    private final OutputViewModel viewModel;
    private final ObservableValue<ToIntFunction<ScoredToken>> levels;
    private final ThemedHeatPalette themedPalette = new ThemedHeatPalette(this);
    private final GenericStyledArea<Collection<String>, String, HeatStyle> area = new GenericStyledArea<>(List.of(),
            HeatPalette::paragraph, HeatStyle.PLAIN, SegmentOps.styledTextOps(), false, themedPalette::textNode);
    private final TokenOffsets offsets = new TokenOffsets();
    private final List<ScoredToken> shown = new ArrayList<>();
    private final TokenPopup popup;
    private String plainShown = "";
    /** The index, in the view model's tokens, of the first token shown. */
    private int firstShown;

    /**
     * @param levels the heat level (0 calm .. {@link HeatLevels#COUNT} - 1 hot, or -1 for none) of a token; when it
     *     changes (probability or entropy) every token is restyled
     * @param popup what hovering a token shows
     */
    public HeatMapView(OutputViewModel viewModel, ObservableValue<ToIntFunction<ScoredToken>> levels,
            TokenPopup popup) {
        this.viewModel = viewModel;
        this.levels = levels;
        this.popup = popup;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("heat-map");
        area.setId("output-heat-map");
        area.setEditable(false);
        area.setWrapText(true);
        area.setShowCaret(org.fxmisc.richtext.Caret.CaretVisibility.ON);
        area.getStyleClass().add("heat-map-area");
        area.setMouseOverTextDelay(HOVER_DELAY);
        // Nothing here is typed, so nothing is undone: the default undo manager kept every batch of a stream.
        area.setUndoManager(UndoUtils.noOpUndoManager());
        // The scroll bar is always there: appearing as a streaming answer outgrows the view, it narrowed the text,
        // which wrapped and was painted again whole in one frame.
        getChildren().add(new VirtualizedScrollPane<>(area, ScrollBarPolicy.AS_NEEDED, ScrollBarPolicy.ALWAYS));
    }

    private void initListeners() {
        viewModel.getTokens().addListener((ListChangeListener<ScoredToken>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && change.getList().isEmpty()) {
                    reset();
                }
            }
            sync();
        });
        viewModel.answerStartProperty().addListener((obs, old, now) -> sync());
        viewModel.textProperty().addListener((obs, old, now) -> showPlainIfUnscored());
        viewModel.reasoningProperty().addListener((obs, old, now) -> showPlainIfUnscored());
        levels.addListener((obs, old, now) -> restyle());
        themedPalette.addListener(changed -> requestLayout());
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> {
            int token = offsets.tokenAt(event.getCharacterIndex());
            if (token >= 0) {
                popup.show(area, firstShown + token, shown.get(token), event.getScreenPosition());
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> popup.hideUnlessHovered());
        area.caretPositionProperty().addListener((obs, old, now) -> {
            if (area.isFocused()) {
                showPopupAtCaret(now);
            }
        });
        area.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
    }

    /** The heat-map text area, for tests and for synchronised scrolling in Compare. */
    public GenericStyledArea<Collection<String>, String, HeatStyle> area() {
        return area;
    }

    /** The style of token {@code index} (of the view model's tokens): its heat level, e.g. 7. */
    public HeatStyle styleOfToken(int index) {
        return area.getStyleOfChar(offsets.start(index - firstShown) + 1);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    ThemedHeatPalette themedPalette() {
        return themedPalette;
    }

    /**
     * A theme switch changes the palette's colours one by one in a CSS pass; the text nodes are made again once,
     * here, after that pass and before the text area lays them out.
     */
    @Override
    protected void layoutChildren() {
        if (themedPalette.refresh()) {
            repaint();
        }
        super.layoutChildren();
    }

    /** The number of tokens shown: the answer's, not the thinking's. */
    public int tokenCount() {
        return shown.size();
    }

    /**
     * Opens the popup of token {@code index} (of the view model's tokens) under it, as hovering does; for keyboard
     * users and tests.
     */
    public void showPopup(int index) {
        int at = index - firstShown;
        if (at < 0 || at >= shown.size()) {
            return;
        }
        area.getCharacterBoundsOnScreen(offsets.start(at), Math.max(offsets.start(at) + 1,
                offsets.end(at))).ifPresent(bounds -> popup.show(area, index, shown.get(at),
                new Point2D(bounds.getMinX(), bounds.getMaxY())));
    }

    private void showPopupAtCaret(int caret) {
        int token = offsets.tokenAt(caret);
        if (token >= 0) {
            showPopup(firstShown + token);
        }
    }

    /**
     * Shows the answer's tokens: those from the view model's answer start on. The thinking's tokens before it are
     * left out, as the thinking is shown once, folded, apart from the answer. The start only moves while the
     * thinking streams (nothing is shown then), so a rebuild is rare; otherwise the new tokens are appended.
     */
    private void sync() {
        List<ScoredToken> all = viewModel.getTokens();
        int start = Math.min(viewModel.getAnswerStart(), all.size());
        if (start != firstShown) {
            reset();
            firstShown = start;
        }
        int next = firstShown + shown.size();
        if (next < all.size()) {
            append(List.copyOf(all.subList(next, all.size())));
        }
    }

    private void reset() {
        shown.clear();
        offsets.clear();
        firstShown = 0;
        plainShown = "";
        // The answer start moves with every batch while the thinking streams: clearing an empty area is no edit.
        if (area.getLength() > 0) {
            area.clear();
        }
        popup.hide();
    }

    private void append(List<? extends ScoredToken> tokens) {
        if (shown.isEmpty() && !plainShown.isEmpty()) {
            // The plain text streamed first; scored tokens now carry it, with their colours.
            area.clear();
            plainShown = "";
        }
        HeatParagraphs paragraphs = new HeatParagraphs(area.getSegOps(), area.getInitialParagraphStyle());
        ToIntFunction<ScoredToken> level = levels.getValue();
        for (ScoredToken token : tokens) {
            offsets.add(token.text().length());
            shown.add(token);
            paragraphs.add(token.text(), HeatStyle.of(level.applyAsInt(token)));
        }
        if (!paragraphs.isEmpty()) {
            // One edit for the batch, its text and colours together: the last paragraph is rebuilt once, not twice.
            int end = area.getLength();
            area.replace(end, end, paragraphs.build());
        }
    }

    private void restyle() {
        if (shown.isEmpty()) {
            return;
        }
        ToIntFunction<ScoredToken> level = levels.getValue();
        StyleSpansBuilder<HeatStyle> spans = new StyleSpansBuilder<>();
        for (ScoredToken token : shown) {
            if (!token.text().isEmpty()) {
                spans.add(HeatStyle.of(level.applyAsInt(token)), token.text().length());
            }
        }
        StyleSpans<HeatStyle> all = spans.create();
        area.setStyleSpans(0, all);
    }

    /**
     * Makes every text node again, in the palette's new colours. The styles (levels) did not change, so restyling
     * would change nothing: the text is cleared and shown again.
     */
    private void repaint() {
        if (area.getLength() == 0) {
            return;
        }
        List<ScoredToken> tokens = List.copyOf(shown);
        String plain = plainShown;
        int first = firstShown;
        reset();
        firstShown = first;
        if (!tokens.isEmpty()) {
            append(tokens);
        } else {
            area.append(plain, HeatStyle.PLAIN);
            plainShown = plain;
        }
    }

    /**
     * Without scored tokens (a backend without probabilities), the answer in plain colours. The thinking is not
     * repeated here: it is shown once, in its folded pane.
     */
    private void showPlainIfUnscored() {
        if (!viewModel.getTokens().isEmpty()) {
            return;
        }
        String plain = viewModel.getText();
        if (plain.equals(plainShown)) {
            return;
        }
        if (plain.startsWith(plainShown)) {
            area.append(plain.substring(plainShown.length()), HeatStyle.PLAIN);
        } else {
            area.clear();
            area.append(plain, HeatStyle.PLAIN);
        }
        plainShown = plain;
    }
}
