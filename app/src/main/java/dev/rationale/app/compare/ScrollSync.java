// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import java.util.ArrayList;
import java.util.List;
import org.fxmisc.richtext.GenericStyledArea;
import org.reactfx.Subscription;

/**
 * Keeps the Compare columns' heat maps scrolled to the same relative position: scrolling one moves the others to
 * the same fraction of their own length, since the answers differ in length. FX thread only.
 */
final class ScrollSync {

    private final List<GenericStyledArea<?, ?, ?>> areas = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean following;

    void add(GenericStyledArea<?, ?, ?> area) {
        areas.add(area);
        subscriptions.add(area.estimatedScrollYProperty().values().subscribe(y -> follow(area, y)));
    }

    void remove(GenericStyledArea<?, ?, ?> area) {
        int index = areas.indexOf(area);
        if (index >= 0) {
            areas.remove(index);
            subscriptions.remove(index).unsubscribe();
        }
    }

    private void follow(GenericStyledArea<?, ?, ?> leader, double y) {
        if (following) {
            return;
        }
        double fraction = y / Math.max(1, scrollRange(leader));
        following = true;
        try {
            for (GenericStyledArea<?, ?, ?> area : areas) {
                if (area != leader) {
                    area.scrollYToPixel(fraction * scrollRange(area));
                }
            }
        } finally {
            following = false;
        }
    }

    private static double scrollRange(GenericStyledArea<?, ?, ?> area) {
        return Math.max(0, area.getTotalHeightEstimate() - area.getHeight());
    }
}
