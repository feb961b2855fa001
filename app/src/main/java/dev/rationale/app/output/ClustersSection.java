// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.clusters.ClusterPane;
import dev.rationale.app.clusters.ClustersViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/**
 * The answer clusters and aligned chains of a run's samples, under the heat map and the steps, behind an "Answer
 * clusters" toggle like Compare's. The toggle is there only while several samples are clustered, and turns itself
 * on when they are (a user who asked for samples came to read them together); only the user turns it off. Build
 * and use on the FX thread.
 */
final class ClustersSection {

    private final ToggleButton toggle = new ToggleButton("Answer clusters");
    private final SplitPane split = new SplitPane();
    private final ClusterPane pane;

    /** @param answer what the section sits under: the heat map and the steps */
    ClustersSection(ClustersViewModel clusters, Node answer) {
        this.pane = new ClusterPane(clusters);
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(answer);
        toggle.setId("output-clusters");
        toggle.setTooltip(new Tooltip("This run's samples: their answers as clusters, and their chains aligned"
                + " step by step"));
        toggle.visibleProperty().bind(clusters.resultProperty().map(r -> r.clusters().total() >= 2));
        toggle.managedProperty().bind(toggle.visibleProperty());
        toggle.selectedProperty().addListener((obs, old, now) -> showPane(now));
        toggle.visibleProperty().addListener((obs, old, now) -> showPane(now && toggle.isSelected()));
        clusters.resultProperty().addListener((obs, old, now) -> {
            if (old.clusters().total() < 2 && now.clusters().total() >= 2) {
                toggle.setSelected(true);
            }
        });
    }

    private void showPane(boolean shown) {
        if (shown && !split.getItems().contains(pane)) {
            split.getItems().add(pane);
            // The answer keeps the top; the clusters and the aligned chains need the larger share below it.
            split.setDividerPositions(0.34);
        } else if (!shown) {
            split.getItems().remove(pane);
        }
    }

    ToggleButton toggle() {
        return toggle;
    }

    /** The answer with the clusters under it when they are shown. */
    SplitPane node() {
        return split;
    }
}
