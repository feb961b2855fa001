// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Several samples of one case read together: a summary line, the answer clusters' chart beside the chains of the
 * selected cluster, and below them the chains aligned step by step. Binds to {@link ClustersViewModel}.
 */
public final class ClusterPane extends SplitPane {

    private final ClustersViewModel viewModel;
    private final ClusterChart chart;
    private final AlignedChainsView aligned;

    public ClusterPane(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
        this.chart = new ClusterChart(viewModel);
        this.aligned = new AlignedChainsView(viewModel);
        createView();
    }

    private void createView() {
        setId("cluster-pane");
        getStyleClass().add("cluster-pane");
        setOrientation(Orientation.VERTICAL);
        Label summary = new Label();
        summary.setId("cluster-summary");
        summary.getStyleClass().add("cluster-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setWrapText(true);
        Label chartTitle = title("Answers (click a bar for its chains)");
        VBox chartBox = new VBox(6, summary, chartTitle, chart);
        chartBox.getStyleClass().add("cluster-chart-box");
        TextArea chains = new TextArea();
        chains.setId("cluster-chains");
        chains.getStyleClass().add("cluster-chains");
        chains.setEditable(false);
        chains.setWrapText(true);
        chains.textProperty().bind(viewModel.chainsProperty());
        chains.setPromptText("Pick an answer to read its chains.");
        VBox chainsBox = new VBox(6, title("Chains of the selected answer"), chains);
        VBox.setVgrow(chains, Priority.ALWAYS);
        SplitPane top = new SplitPane(chartBox, chainsBox);
        top.setDividerPositions(0.5);
        VBox alignedBox = new VBox(6, title("Chains aligned step by step (colour: mean token probability;"
                + " underlined: a token below " + Math.round(AlignedChainsView.DOUBT * 100) + "%)"), aligned);
        VBox.setVgrow(aligned, Priority.ALWAYS);
        alignedBox.getStyleClass().add("cluster-aligned-box");
        getItems().addAll(top, alignedBox);
        // The aligned chains need the height more than a few bars do.
        setDividerPositions(0.34);
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("cluster-title");
        return title;
    }

    /** The aligned view, for tests and benchmarks. */
    AlignedChainsView aligned() {
        return aligned;
    }
}
