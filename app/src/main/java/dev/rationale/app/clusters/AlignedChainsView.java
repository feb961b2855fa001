// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.core.analysis.AlignedChains;
import dev.rationale.core.analysis.AnswerClusters;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.analysis.TokenHeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/**
 * The samples' reasoning chains aligned: one row per sample (tagged with its answer cluster's tone and answer),
 * one column per aligned step. A step identical to the one above it is drawn as one cell spanning both rows; a
 * gap is a dashed blank; the column where the chains part is marked. Cells are coloured by the mean probability
 * of their tokens, like the Output heat map, and underlined when their least likely token fell below
 * {@value #DOUBT}. A cell's tooltip gives both figures and the whole step.
 *
 * <p>Rows and columns have fixed sizes, so every cell's place is known without a layout pass, and only the cells
 * in sight (and one row and column around them) are made as nodes, again on each scroll: 40 samples x 30 steps
 * would otherwise be 1,200 wrapped labels to style and lay out, several times the 200 ms a redraw may take.
 */
final class AlignedChainsView extends ScrollPane {

    /** Below this lowest token probability a step is marked as doubtful. */
    static final double DOUBT = 0.2;
    private static final int HEAT_LEVELS = 10;
    private static final double CELL_WIDTH = 170;
    private static final double ROW_HEIGHT = 52;
    private static final double HEADER_HEIGHT = 20;
    private static final double TAG_WIDTH = 140;
    private static final double GAP = 3;
    // Before the first layout the viewport has no size; draw what a usual window would show.
    private static final double UNLAID_WIDTH = 1200;
    private static final double UNLAID_HEIGHT = 800;

    /** A cell of one column spanning one row or more (identical steps), or a gap (no cell). */
    private record Span(int row, int rows, AlignedChains.@Nullable Cell cell) {
    }

    private final ClustersViewModel viewModel;
    private final Pane content = new Pane();
    private ClusteredChains shown = ClusteredChains.EMPTY;
    private List<List<Span>> columns = List.of();

    AlignedChainsView(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("aligned-chains");
        getStyleClass().add("aligned-chains");
        content.getStyleClass().add("aligned-grid");
        setContent(content);
        viewModel.resultProperty().addListener((obs, old, now) -> draw(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> refresh());
        hvalueProperty().addListener((obs, old, now) -> refresh());
        vvalueProperty().addListener((obs, old, now) -> refresh());
        viewportBoundsProperty().addListener((obs, old, now) -> refresh());
        draw(viewModel.getResult());
    }

    /** Shows {@code result}: works out the merged spans of every column, then makes the cells in sight. */
    void draw(ClusteredChains result) {
        shown = result;
        AlignedChains aligned = result.aligned();
        List<List<Span>> spans = new ArrayList<>();
        for (int c = 0; c < aligned.columns(); c++) {
            List<Span> column = new ArrayList<>();
            for (int r = 0; r < aligned.rows().size(); r++) {
                AlignedChains.Cell cell = aligned.rows().get(r).cells().get(c);
                Span last = column.isEmpty() ? null : column.getLast();
                if (cell != null && cell.sameAsAbove() && last != null && last.cell() != null) {
                    column.set(column.size() - 1, new Span(last.row(), last.rows() + 1, last.cell()));
                } else {
                    column.add(new Span(r, 1, cell));
                }
            }
            spans.add(column);
        }
        columns = spans;
        content.setPrefSize(x(aligned.columns()), y(aligned.rows().size()));
        content.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        refresh();
    }

    /** Makes the nodes of the header, tags and cells that are in sight. */
    private void refresh() {
        AlignedChains aligned = shown.aligned();
        if (aligned.rows().isEmpty()) {
            Label empty = new Label("No chains yet: each sample's steps line up here, one row per sample.");
            empty.getStyleClass().add("aligned-empty");
            content.getChildren().setAll(empty);
            return;
        }
        double width = getViewportBounds().getWidth() > 0 ? getViewportBounds().getWidth() : UNLAID_WIDTH;
        double height = getViewportBounds().getHeight() > 0 ? getViewportBounds().getHeight() : UNLAID_HEIGHT;
        double left = getHvalue() * Math.max(0, content.getPrefWidth() - width);
        double top = getVvalue() * Math.max(0, content.getPrefHeight() - height);
        int firstColumn = Math.max(0, (int) ((left - TAG_WIDTH) / (CELL_WIDTH + GAP)) - 1);
        int lastColumn = Math.min(aligned.columns() - 1, (int) ((left + width) / (CELL_WIDTH + GAP)) + 1);
        int firstRow = Math.max(0, (int) ((top - HEADER_HEIGHT) / (ROW_HEIGHT + GAP)) - 1);
        int lastRow = Math.min(aligned.rows().size() - 1, (int) ((top + height) / (ROW_HEIGHT + GAP)) + 1);
        List<Node> nodes = new ArrayList<>();
        List<AnswerClusters.Cluster> clusters = shown.clusters().clusters();
        int selected = viewModel.selectedProperty().get();
        for (int r = firstRow; r <= lastRow; r++) {
            nodes.add(place(tag(aligned.rows().get(r), clusters, selected), 0, y(r), TAG_WIDTH, ROW_HEIGHT));
        }
        for (int c = firstColumn; c <= lastColumn; c++) {
            boolean parting = c == aligned.parting();
            nodes.add(place(header(c, parting), x(c), 0, CELL_WIDTH, HEADER_HEIGHT));
            for (Span span : columns.get(c)) {
                if (span.row() + span.rows() - 1 >= firstRow && span.row() <= lastRow) {
                    Region node = span.cell() == null ? gap() : cell(span.cell(), parting);
                    nodes.add(place(node, x(c), y(span.row()), CELL_WIDTH,
                            span.rows() * ROW_HEIGHT + (span.rows() - 1) * GAP));
                }
            }
        }
        content.getChildren().setAll(nodes);
    }

    private static double x(int column) {
        return TAG_WIDTH + GAP + column * (CELL_WIDTH + GAP);
    }

    private static double y(int row) {
        return HEADER_HEIGHT + GAP + row * (ROW_HEIGHT + GAP);
    }

    private static Region place(Region node, double x, double y, double width, double height) {
        node.setMinSize(width, height);
        node.setPrefSize(width, height);
        node.setMaxSize(width, height);
        node.relocate(x, y);
        return node;
    }

    private static Label header(int column, boolean parting) {
        Label header = new Label(parting ? "Step " + (column + 1) + " · they part" : "Step " + (column + 1));
        header.getStyleClass().add(parting ? "aligned-parting-header" : "aligned-header");
        if (parting) {
            header.setId("aligned-parting");
        }
        return header;
    }

    private static Label tag(AlignedChains.Row row, List<AnswerClusters.Cluster> clusters, int selected) {
        AnswerClusters.Cluster cluster = row.cluster() < 0 ? null : clusters.get(row.cluster());
        String answer = cluster == null ? "?" : cluster.unanswered() ? "no answer" : cluster.label();
        Label tag = new Label("s" + (row.sample() + 1) + " → " + answer);
        tag.getStyleClass().add("aligned-tag");
        if (cluster != null) {
            tag.getStyleClass().add(ClusterChart.toneOf(row.cluster(), cluster));
        }
        if (selected >= 0 && row.cluster() == selected) {
            tag.getStyleClass().add("aligned-tag-selected");
        }
        return tag;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.getStyleClass().add("aligned-gap");
        return gap;
    }

    private static Label cell(AlignedChains.Cell cell, boolean parting) {
        Label label = new Label(cell.text());
        label.setWrapText(true);
        label.setAlignment(Pos.TOP_LEFT);
        label.getStyleClass().addAll("aligned-cell", heatClass(cell.mean()));
        if (parting) {
            label.getStyleClass().add("aligned-cell-parting");
        }
        if (cell.lowest() != null && cell.lowest() < DOUBT) {
            label.getStyleClass().add("aligned-cell-doubt");
        }
        // Made on first hover: most cells are never pointed at.
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
}
