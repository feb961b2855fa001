// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.core.analysis.AnswerClusters;
import dev.rationale.core.analysis.ClusteredChains;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The answer clusters as a bar chart: one horizontal bar per answer, its length the answer's share, with the count
 * and share written beside it and the majority and the expected answer marked. Clicking a bar selects it (its
 * chains are then shown). Bars are rows rather than columns so that long answers stay readable.
 */
final class ClusterChart extends VBox {

    /** Tones cycle so neighbouring clusters differ; the aligned view tags rows with the same tone. */
    static final int TONES = 6;
    private static final double LABEL_WIDTH = 120;
    private static final double COUNT_WIDTH = 64;
    private static final double MARKS_WIDTH = 150;

    private final ClustersViewModel viewModel;

    ClusterChart(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("cluster-chart");
        getStyleClass().add("cluster-chart");
        setSpacing(4);
        viewModel.resultProperty().addListener((obs, old, now) -> draw(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> markSelected(now.intValue()));
        draw(viewModel.getResult());
    }

    private void draw(ClusteredChains result) {
        getChildren().clear();
        List<AnswerClusters.Cluster> clusters = result.clusters().clusters();
        if (clusters.isEmpty()) {
            Label empty = new Label("No samples yet: their answers show here, one bar per answer.");
            empty.getStyleClass().add("cluster-empty");
            getChildren().add(empty);
            return;
        }
        for (int i = 0; i < clusters.size(); i++) {
            getChildren().add(bar(i, clusters.get(i)));
        }
        markSelected(viewModel.selectedProperty().get());
    }

    private HBox bar(int index, AnswerClusters.Cluster cluster) {
        Label answer = new Label(cluster.label());
        answer.getStyleClass().add("cluster-answer");
        answer.setMinWidth(LABEL_WIDTH);
        answer.setPrefWidth(LABEL_WIDTH);
        answer.setMaxWidth(LABEL_WIDTH);
        Region fill = new Region();
        fill.getStyleClass().addAll("cluster-fill", toneOf(index, cluster));
        StackPane track = new StackPane(fill);
        track.getStyleClass().add("cluster-track");
        track.setAlignment(Pos.CENTER_LEFT);
        track.setMinWidth(60);
        HBox.setHgrow(track, Priority.ALWAYS);
        fill.maxWidthProperty().bind(track.widthProperty().multiply(cluster.share()));
        fill.setMinWidth(2);
        Label count = new Label(cluster.count() + " · " + ClustersViewModel.percent(cluster.share()));
        count.getStyleClass().add("cluster-count");
        count.setMinWidth(COUNT_WIDTH);
        count.setAlignment(Pos.CENTER_RIGHT);
        // A fixed place for the marks keeps every bar's track the same length, so the lengths compare.
        HBox marks = new HBox(4);
        marks.setMinWidth(MARKS_WIDTH);
        marks.setPrefWidth(MARKS_WIDTH);
        marks.setAlignment(Pos.CENTER_LEFT);
        if (cluster.majority()) {
            marks.getChildren().add(badge("majority", "cluster-badge-majority"));
        }
        if (cluster.expected()) {
            marks.getChildren().add(badge("✓ expected", "cluster-badge-expected"));
        }
        HBox row = new HBox(8, answer, track, count, marks);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("cluster-bar-" + index);
        row.getStyleClass().add("cluster-bar");
        row.setOnMouseClicked(event -> viewModel.select(index));
        return row;
    }

    private static Label badge(String text, String styleClass) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("cluster-badge", styleClass);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private void markSelected(int index) {
        for (int i = 0; i < getChildren().size(); i++) {
            List<String> classes = getChildren().get(i).getStyleClass();
            classes.remove("cluster-bar-selected");
            if (i == index) {
                classes.add("cluster-bar-selected");
            }
        }
    }

    /** The tone class of a cluster: its own per position, and a grey one for samples without an answer. */
    static String toneOf(int index, AnswerClusters.Cluster cluster) {
        return cluster.unanswered() ? "cluster-tone-none" : "cluster-tone-" + index % TONES;
    }
}
