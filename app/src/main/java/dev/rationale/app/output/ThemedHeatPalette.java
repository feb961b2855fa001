// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.fxmisc.richtext.model.StyledSegment;
import org.jspecify.annotations.Nullable;

/**
 * The heat map's colours as CSS properties of the heat map itself, so that the themes still decide them while the
 * heat map paints its text in code ({@link HeatPalette}): {@code -rt-heat-map-level-0} to {@code -9} (each level's
 * background), {@code -rt-heat-map-unscored} (a token without a probability), {@code -rt-heat-map-text} (the
 * text), {@code -rt-heat-map-hot-text} and {@code -rt-heat-map-hot-level} (the text's colour from that level on).
 * {@code themes/base.css} sets them on {@code .heat-map} from each theme's looked-up colours. It makes the heat
 * map's text nodes in the colours it last took from them. FX thread only.
 */
final class ThemedHeatPalette {

    private static final int DEFAULT_HOT_LEVEL = HeatLevels.COUNT - 2;
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = cssMetaData();

    private final List<StyleableObjectProperty<@Nullable Paint>> levels = new ArrayList<>();
    private final StyleableObjectProperty<@Nullable Paint> unscored;
    private final StyleableObjectProperty<@Nullable Paint> text;
    private final StyleableObjectProperty<@Nullable Paint> hotText;
    private final StyleableObjectProperty<@Nullable Number> hotLevel;
    /** The colours of the text nodes made so far. */
    private HeatPalette current;
    private boolean changed;

    @SuppressWarnings("unchecked")
    ThemedHeatPalette(HeatMapView view) {
        for (int level = 0; level < HeatLevels.COUNT; level++) {
            levels.add(new SimpleStyleableObjectProperty<>((CssMetaData<HeatMapView, @Nullable Paint>)
                    CSS_META_DATA.get(level), view, "level" + level, null));
        }
        unscored = paint(HeatLevels.COUNT, view, "unscored", null);
        text = paint(HeatLevels.COUNT + 1, view, "text", Color.BLACK);
        hotText = paint(HeatLevels.COUNT + 2, view, "hotText", Color.WHITE);
        hotLevel = new SimpleStyleableObjectProperty<>((CssMetaData<HeatMapView, @Nullable Number>)
                CSS_META_DATA.get(HeatLevels.COUNT + 3), view, "hotLevel", DEFAULT_HOT_LEVEL);
        current = palette();
        addListener(any -> changed = true);
    }

    @SuppressWarnings("unchecked")
    private static StyleableObjectProperty<@Nullable Paint> paint(int index, HeatMapView view, String name,
            @Nullable Paint initial) {
        return new SimpleStyleableObjectProperty<>((CssMetaData<HeatMapView, @Nullable Paint>)
                CSS_META_DATA.get(index), view, name, initial);
    }

    /** The heat map's CSS properties: a {@link StackPane}'s, then the palette's. */
    static List<CssMetaData<? extends Styleable, ?>> heatMapCssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.addAll(CSS_META_DATA);
        return List.copyOf(all);
    }

    /** Calls {@code listener} whenever the theme changes a colour (a theme switch changes several, one by one). */
    void addListener(InvalidationListener listener) {
        levels.forEach(level -> level.addListener(listener));
        List.of(unscored, text, hotText, hotLevel).forEach(property -> property.addListener(listener));
    }

    /**
     * Takes the theme's colours for the text nodes made from now on; true when they differ from those the nodes
     * made so far have, which then need making again.
     */
    boolean refresh() {
        if (!changed) {
            return false;
        }
        changed = false;
        HeatPalette now = palette();
        if (now.equals(current)) {
            return false;
        }
        current = now;
        return true;
    }

    /** A run of heat-map text in the colours last taken: the text area's node factory. */
    Node textNode(StyledSegment<String, HeatStyle> segment) {
        return current.textNode(segment);
    }

    /** The colours as the theme has them now. */
    private HeatPalette palette() {
        List<@Nullable Paint> backgrounds = new ArrayList<>(levels.size());
        levels.forEach(level -> backgrounds.add(level.get()));
        Paint textPaint = text.get();
        Paint hotPaint = hotText.get();
        Number hot = hotLevel.get();
        return new HeatPalette(backgrounds, unscored.get(), textPaint == null ? Color.BLACK : textPaint,
                hotPaint == null ? Color.WHITE : hotPaint, hot == null ? DEFAULT_HOT_LEVEL : hot.intValue());
    }

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>();
        for (int level = 0; level < HeatLevels.COUNT; level++) {
            int index = level;
            all.add(new Property<>("-rt-heat-map-level-" + level, StyleConverter.getPaintConverter(),
                    view -> view.themedPalette().levels.get(index)));
        }
        all.add(new Property<>("-rt-heat-map-unscored", StyleConverter.getPaintConverter(),
                view -> view.themedPalette().unscored));
        all.add(new Property<>("-rt-heat-map-text", StyleConverter.getPaintConverter(),
                view -> view.themedPalette().text));
        all.add(new Property<>("-rt-heat-map-hot-text", StyleConverter.getPaintConverter(),
                view -> view.themedPalette().hotText));
        all.add(new Property<>("-rt-heat-map-hot-level", StyleConverter.getSizeConverter(),
                view -> view.themedPalette().hotLevel));
        return List.copyOf(all);
    }

    /** One of the palette's properties, found on a heat map by {@code property}. */
    private static final class Property<V> extends CssMetaData<HeatMapView, V> {
        private final Function<HeatMapView, StyleableObjectProperty<V>> property;

        Property(String name, StyleConverter<?, V> converter, Function<HeatMapView, StyleableObjectProperty<V>>
                property) {
            super(name, converter);
            this.property = property;
        }

        @Override
        public boolean isSettable(HeatMapView view) {
            return !property.apply(view).isBound();
        }

        @Override
        public StyleableProperty<V> getStyleableProperty(HeatMapView view) {
            return property.apply(view);
        }
    }
}
