// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.app.output.OutputViewModel;
import dev.rationale.core.analysis.TextDiff;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A word diff of two Compare columns' whole outputs (reasoning and answer): words only in the first are struck
 * through, words only in the second are marked as added. Shown under the columns, on demand. FX thread only.
 */
final class DiffPane extends VBox {

    private final CompareViewModel viewModel;
    private final ComboBox<Integer> first = new ComboBox<>();
    private final ComboBox<Integer> second = new ComboBox<>();
    private final TextFlow flow = new TextFlow();
    private final ScrollPane scroller = new ScrollPane(flow);

    DiffPane(CompareViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("compare-diff");
        first.setId("compare-diff-first");
        second.setId("compare-diff-second");
        Button show = new Button("Diff");
        show.setId("compare-diff");
        show.setOnAction(event -> show());
        Button hide = new Button("Hide");
        hide.setOnAction(event -> setDiffVisible(false));
        HBox bar = new HBox(6, new Label("Compare the text of column"), first, new Label("with column"), second,
                show, hide);
        bar.setAlignment(Pos.CENTER_LEFT);
        flow.getStyleClass().add("compare-diff-text");
        flow.setId("compare-diff-text");
        scroller.setFitToWidth(true);
        scroller.setPrefHeight(160);
        getChildren().addAll(bar, scroller);
        setDiffVisible(false);
        columnsChanged();
    }

    /** Offers the current columns, numbered from 1. */
    void columnsChanged() {
        List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, viewModel.getColumns().size()).boxed()
                .toList();
        first.getItems().setAll(numbers);
        second.getItems().setAll(numbers);
        if (numbers.size() >= 2) {
            first.setValue(1);
            second.setValue(2);
        }
    }

    private void show() {
        Integer a = first.getValue();
        Integer b = second.getValue();
        if (a == null || b == null || a > viewModel.getColumns().size() || b > viewModel.getColumns().size()) {
            return;
        }
        List<TextDiff.Segment> segments = TextDiff.diff(fullText(a), fullText(b));
        flow.getChildren().clear();
        for (TextDiff.Segment segment : segments) {
            Text text = new Text(segment.text());
            text.getStyleClass().add(switch (segment.kind()) {
                case EQUAL -> "diff-equal";
                case DELETED -> "diff-deleted";
                case INSERTED -> "diff-inserted";
            });
            flow.getChildren().add(text);
        }
        setDiffVisible(true);
    }

    private String fullText(int column) {
        OutputViewModel output = viewModel.getColumns().get(column - 1).output();
        String reasoning = output.getReasoning();
        return reasoning.isEmpty() ? output.getText() : reasoning + "\n\n" + output.getText();
    }

    private void setDiffVisible(boolean visible) {
        scroller.setVisible(visible);
        scroller.setManaged(visible);
    }
}
