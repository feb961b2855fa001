// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import javafx.beans.value.ObservableValue;
import javafx.beans.value.WritableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.jspecify.annotations.Nullable;

/**
 * A text cell of the exemplar table, edited in place. Unlike the stock {@code TextFieldTableCell}, which drops
 * what was typed unless Enter is pressed, it keeps the text when editing ends by clicking elsewhere; only Escape
 * throws it away. Long values show in full in a tooltip.
 */
final class ExemplarTextCell extends TableCell<ExemplarRow, String> {
    private static final int TOOLTIP_FROM = 40;

    private @Nullable TextField field;
    private boolean discard;

    ExemplarTextCell() {
        setContentDisplay(ContentDisplay.TEXT_ONLY);
    }

    @Override
    protected void updateItem(@Nullable String item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty || item == null ? "" : item;
        setText(empty ? null : text.replace('\n', ' '));
        setTooltip(text.length() >= TOOLTIP_FROM ? wrapping(text) : null);
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        TextField editor = new TextField(getItem() == null ? "" : getItem());
        editor.setOnAction(event -> commitEdit(editor.getText()));
        editor.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                discard = true;
                cancelEdit();
                event.consume();
            }
        });
        field = editor;
        discard = false;
        setGraphic(editor);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        editor.selectAll();
        editor.requestFocus();
    }

    @Override
    public void commitEdit(String value) {
        field = null;
        super.commitEdit(value);
        showText();
    }

    @Override
    public void cancelEdit() {
        TextField editor = field;
        field = null;
        int index = getIndex();
        super.cancelEdit();
        showText();
        // The table cancels the edit when focus moves to another cell; keep what was typed then.
        if (editor != null && !discard && !editor.getText().equals(getItem())) {
            write(index, editor.getText());
        }
    }

    private void showText() {
        setGraphic(null);
        setContentDisplay(ContentDisplay.TEXT_ONLY);
        updateItem(getItem(), isEmpty());
    }

    private void write(int index, String value) {
        if (getTableColumn() == null || index < 0 || index >= getTableView().getItems().size()) {
            return;
        }
        ObservableValue<String> cell = getTableColumn().getCellObservableValue(index);
        if (cell instanceof WritableValue<?>) {
            @SuppressWarnings("unchecked")
            WritableValue<String> writable = (WritableValue<String>) cell;
            writable.setValue(value);
        }
    }

    private static Tooltip wrapping(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        return tooltip;
    }
}
