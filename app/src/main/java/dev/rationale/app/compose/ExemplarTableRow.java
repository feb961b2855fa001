// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableRow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.jspecify.annotations.Nullable;

/**
 * A row of the exemplar table: dims when its exemplar is off, and can be dragged onto another row to move it
 * there (or below the last row to move it to the end).
 */
final class ExemplarTableRow extends TableRow<ExemplarRow> {
    // One format per JVM: DataFormat refuses to be created twice with the same name.
    private static final DataFormat ROW_INDEX = new DataFormat("application/x-rationale-exemplar-row");

    private final ExemplarRows rows;
    private final ChangeListener<Boolean> enabledListener = (obs, old, now) -> showEnabled(now);
    private @Nullable ExemplarRow shown;

    ExemplarTableRow(ExemplarRows rows) {
        this.rows = rows;
        setOnDragDetected(event -> {
            if (!isEmpty()) {
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                board.setDragView(snapshot(null, null));
                var content = new ClipboardContent();
                content.put(ROW_INDEX, getIndex());
                board.setContent(content);
                event.consume();
            }
        });
        setOnDragOver(event -> {
            if (draggedIndex(event) >= 0 && draggedIndex(event) != getIndex()) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        setOnDragEntered(event -> {
            if (draggedIndex(event) >= 0) {
                getStyleClass().add(Styles.COMPOSE_EXEMPLAR_DROP_TARGET);
            }
        });
        setOnDragExited(event -> getStyleClass().remove(Styles.COMPOSE_EXEMPLAR_DROP_TARGET));
        setOnDragDropped(this::drop);
    }

    private void drop(DragEvent event) {
        int from = draggedIndex(event);
        int last = rows.getRows().size() - 1;
        if (from < 0 || last < 0) {
            return;
        }
        int to = isEmpty() ? last : Math.min(getIndex(), last);
        int at = rows.move(from, to);
        getTableView().getSelectionModel().clearAndSelect(at);
        event.setDropCompleted(true);
        event.consume();
    }

    // Only rows of this table take part: an index means nothing in another table.
    private int draggedIndex(DragEvent event) {
        if (!(event.getGestureSource() instanceof ExemplarTableRow source) || source.getTableView() != getTableView()) {
            return -1;
        }
        Object content = event.getDragboard().getContent(ROW_INDEX);
        return content instanceof Integer index ? index : -1;
    }

    @Override
    protected void updateItem(@Nullable ExemplarRow item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.enabledProperty().removeListener(enabledListener);
        }
        shown = empty ? null : item;
        if (shown != null) {
            shown.enabledProperty().addListener(enabledListener);
        }
        showEnabled(shown == null || shown.isEnabled());
    }

    private void showEnabled(boolean on) {
        getStyleClass().remove(Styles.COMPOSE_EXEMPLAR_OFF);
        if (!on) {
            getStyleClass().add(Styles.COMPOSE_EXEMPLAR_OFF);
        }
    }
}
