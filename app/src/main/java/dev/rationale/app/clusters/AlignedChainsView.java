// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.core.analysis.AlignedChains;
import dev.rationale.core.analysis.AnswerClusters;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.analysis.TokenHeat;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/**
 * The samples' reasoning chains aligned: one row per sample (tagged with its answer cluster's tone and answer),
 * one column per aligned step. A step identical to the one above it is drawn as one cell spanning both rows; a
 * gap is a dashed blank; the column where the chains part is marked. Cells are coloured by the mean probability
 * of their tokens, like the Output heat map, and underlined when their least likely token fell below
 * {@value #DOUBT}. A cell's tooltip gives both figures and the whole step.
 */
final class AlignedChainsView extends ScrollPane {

    /** Below this lowest token probability a step is marked as doubtful. */
    static final double DOUBT = 0.2;
    private static final int HEAT_LEVELS = 10;
    private static final double CELL_WIDTH = 170;
    private static final double TAG_WIDTH = 96;
    private static final int SHOWN_CHARACTERS = 140;

    private final ClustersViewModel viewModel;
    private final GridPane grid = new GridPane();

    AlignedChainsView(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("aligned-chains");
        getStyleClass().add("aligned-chains");
        grid.getStyleClass().add("aligned-grid");
        grid.setHgap(3);
        grid.setVgap(3);
        setContent(grid);
        viewModel.resultProperty().addListener((obs, old, now) -> draw(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> markSelected());
        draw(viewModel.getResult());
    }

    /** Lays out every row and column of {@code result}; one pass, no per-cell listeners. */
    void draw(ClusteredChains result) {
        grid.getChildren().clear();
        AlignedChains aligned = result.aligned();
        if (aligned.rows().isEmpty()) {
            Label empty = new Label("No reasoning to align.");
            empty.getStyleClass().add("aligned-empty");
            grid.add(empty, 0, 0);
            return;
        }
        for (int c = 0; c < aligned.columns(); c++) {
            grid.add(header(c, c == aligned.parting()), c + 1, 0);
        }
        Label[] above = new Label[aligned.columns()];
        List<AnswerClusters.Cluster> clusters = result.clusters().clusters();
        for (int r = 0; r < aligned.rows().size(); r++) {
            AlignedChains.Row row = aligned.rows().get(r);
            grid.add(tag(row, clusters), 0, r + 1);
            for (int c = 0; c < aligned.columns(); c++) {
                AlignedChains.Cell cell = row.cells().get(c);
                if (cell != null && cell.sameAsAbove() && above[c] != null) {
                    Label merged = above[c];
                    Integer span = GridPane.getRowSpan(merged);
                    GridPane.setRowSpan(merged, (span == null ? 1 : span) + 1);
                    merged.setMaxHeight(Double.MAX_VALUE);
                    continue;
                }
                Node node = cell == null ? gap() : cell(cell, c == aligned.parting());
                above[c] = node instanceof Label label ? label : null;
                grid.add(node, c + 1, r + 1);
            }
        }
        markSelected();
    }

    private static Label header(int column, boolean parting) {
        Label header = new Label(parting ? "Step " + (column + 1) + " · they part" : "Step " + (column + 1));
        header.getStyleClass().add(parting ? "aligned-parting-header" : "aligned-header");
        header.setPrefWidth(CELL_WIDTH);
        header.setMinWidth(CELL_WIDTH);
        if (parting) {
            header.setId("aligned-parting");
        }
        return header;
    }

    private static Label tag(AlignedChains.Row row, List<AnswerClusters.Cluster> clusters) {
        AnswerClusters.Cluster cluster = row.cluster() < 0 ? null : clusters.get(row.cluster());
        Label tag = new Label("s" + (row.sample() + 1) + " → " + (cluster == null ? "?" : cluster.label()));
        tag.getStyleClass().add("aligned-tag");
        if (cluster != null) {
            tag.getStyleClass().add(ClusterChart.toneOf(row.cluster(), cluster));
        }
        tag.setUserData(row.cluster());
        tag.setMinWidth(TAG_WIDTH);
        tag.setPrefWidth(TAG_WIDTH);
        tag.setMaxWidth(TAG_WIDTH);
        tag.setMaxHeight(Double.MAX_VALUE);
        return tag;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.getStyleClass().add("aligned-gap");
        gap.setPrefWidth(CELL_WIDTH);
        return gap;
    }

    private static Label cell(AlignedChains.Cell cell, boolean parting) {
        String text = cell.text().length() <= SHOWN_CHARACTERS ? cell.text()
                : cell.text().substring(0, SHOWN_CHARACTERS - 1) + "…";
        Label label = new Label(text);
        label.setWrapText(true);
        label.setAlignment(Pos.TOP_LEFT);
        label.setMinWidth(CELL_WIDTH);
        label.setPrefWidth(CELL_WIDTH);
        label.setMaxWidth(CELL_WIDTH);
        label.getStyleClass().addAll("aligned-cell", heatClass(cell.mean()));
        if (parting) {
            label.getStyleClass().add("aligned-cell-parting");
        }
        if (cell.lowest() != null && cell.lowest() < DOUBT) {
            label.getStyleClass().add("aligned-cell-doubt");
        }
        // Tooltips are made on first hover: a 40 x 30 view would otherwise build 1,200 of them up front.
        label.setOnMouseEntered(event -> {
            if (label.getTooltip() == null) {
                label.setTooltip(new Tooltip(describe(cell)));
            }
        });
        return label;
    }

    static String heatClass(@Nullable Double mean) {
        return mean == null ? "chain-heat-none"
                : "chain-heat-" + (HEAT_LEVELS - 1 - TokenHeat.level(mean, HEAT_LEVELS));
    }

    private static String describe(AlignedChains.Cell cell) {
        String figures = cell.mean() == null ? "tokens not scored"
                : String.format(Locale.ROOT, "mean token probability %.0f%% · lowest %.0f%%", cell.mean() * 100,
                        cell.lowest() == null ? 0 : cell.lowest() * 100);
        return figures + "\n\n" + cell.text();
    }

    private void markSelected() {
        int selected = viewModel.selectedProperty().get();
        for (Node node : grid.getChildren()) {
            if (node.getStyleClass().contains("aligned-tag")) {
                node.getStyleClass().remove("aligned-tag-selected");
                if (selected >= 0 && Integer.valueOf(selected).equals(node.getUserData())) {
                    node.getStyleClass().add("aligned-tag-selected");
                }
            }
        }
    }

    /** The grid, for tests and benchmarks. */
    GridPane grid() {
        return grid;
    }
}
