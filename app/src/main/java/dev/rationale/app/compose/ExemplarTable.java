// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * The exemplar table: one row per exemplar in prompt order, edited in place, with buttons to add, remove and move
 * rows. Rows also move with Alt+Up / Alt+Down and by dragging.
 */
final class ExemplarTable extends VBox {
    private final ExemplarRows rows;
    private final TableView<ExemplarRow> table = new TableView<>();
    private final HBox buttons = new HBox();

    ExemplarTable(ExemplarRows rows) {
        this.rows = rows;
        createView();
        initListeners();
    }

    private void createView() {
        table.setId("compose-exemplars");
        table.getStyleClass().add(Styles.COMPOSE_EXEMPLARS);
        table.setItems(rows.getRows());
        table.setEditable(true);
        table.setRowFactory(view -> new ExemplarTableRow(rows));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No exemplars yet. Add one to show the model a worked example."));
        table.setMinHeight(150);
        table.setPrefHeight(200);
        showColumns(rows.getVariables());

        Button add = button("Add", "compose-exemplar-add", this::add);
        Button remove = button("Remove", "compose-exemplar-remove", () -> withSelected(i -> {
            rows.remove(i);
            return Math.min(i, rows.getRows().size() - 1);
        }));
        Button up = button("Up", "compose-exemplar-up", () -> withSelected(rows::moveUp));
        Button down = button("Down", "compose-exemplar-down", () -> withSelected(rows::moveDown));
        var selected = table.getSelectionModel().selectedIndexProperty();
        remove.disableProperty().bind(selected.lessThan(0));
        up.disableProperty().bind(selected.lessThan(1));
        down.disableProperty().bind(selected.lessThan(0).or(selected.greaterThanOrEqualTo(
                Bindings.size(rows.getRows()).subtract(1))));
        Label hint = new Label("Drag rows or press Alt+↑ / Alt+↓ to reorder");
        hint.getStyleClass().add(Styles.COMPOSE_HINT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons.getChildren().addAll(add, remove, up, down, spacer, hint);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add(Styles.COMPOSE_BUTTON_BAR);

        getChildren().addAll(table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(8);
    }

    private void initListeners() {
        rows.variablesProperty().addListener((obs, old, now) -> showColumns(now));
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            // While a cell is edited the arrows belong to its text field, and moving rows would move the edit.
            if (table.getEditingCell() != null) {
                return;
            }
            if (event.isAltDown() && event.getCode() == KeyCode.UP) {
                withSelected(rows::moveUp);
                event.consume();
            } else if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
                withSelected(rows::moveDown);
                event.consume();
            }
        });
    }

    private void showColumns(List<String> variables) {
        TableColumn<ExemplarRow, ExemplarRow> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        number.setCellFactory(c -> new PositionCell());
        fixedWidth(number, 40);
        number.getStyleClass().add("compose-exemplar-number");

        TableColumn<ExemplarRow, Boolean> on = new TableColumn<>("On");
        on.setCellValueFactory(c -> c.getValue().enabledProperty());
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        fixedWidth(on, 44);
        on.getStyleClass().add("compose-exemplar-on");

        TableColumn<ExemplarRow, String> id = new TableColumn<>("Id");
        id.setCellValueFactory(c -> c.getValue().idProperty());
        id.setEditable(false);
        id.setPrefWidth(96);
        id.setMinWidth(88);
        id.getStyleClass().add(Styles.COMPOSE_EXEMPLAR_ID);

        List<TableColumn<ExemplarRow, ?>> columns = new ArrayList<>(List.of(number, on, id));
        for (int i = 0; i < variables.size(); i++) {
            int column = i;
            String title = variables.size() == 1 ? "Input" : variables.get(i);
            columns.add(textColumn(title, "compose-exemplar-input", 240, c -> c.getValue().inputProperty(column)));
        }
        columns.add(textColumn("Rationale", "compose-exemplar-rationale", 240, c -> c.getValue().rationaleProperty()));
        TableColumn<ExemplarRow, String> answer =
                textColumn("Answer", "compose-exemplar-answer", 80, c -> c.getValue().answerProperty());
        answer.setMinWidth(80);
        columns.add(answer);
        // Reordering is the point of the table; sorting by a column would hide the prompt order.
        columns.forEach(c -> c.setSortable(false));
        columns.forEach(c -> c.setReorderable(false));
        table.getColumns().setAll(columns);
    }

    private static TableColumn<ExemplarRow, String> textColumn(String title, String styleClass, double width,
            Callback<TableColumn.CellDataFeatures<ExemplarRow, String>, StringProperty> value) {
        TableColumn<ExemplarRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.call(c));
        column.setCellFactory(c -> new ExemplarTextCell());
        column.setPrefWidth(width);
        column.getStyleClass().add(styleClass);
        return column;
    }

    private static void fixedWidth(TableColumn<ExemplarRow, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
        column.setResizable(false);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private void add() {
        int at = rows.add();
        table.getSelectionModel().clearAndSelect(at);
        table.scrollTo(at);
        table.requestFocus();
    }

    // Runs a move or removal on the selected row and keeps the row selected where it ended up.
    private void withSelected(IntUnaryOperator action) {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            int now = action.applyAsInt(index);
            if (now >= 0) {
                table.getSelectionModel().clearAndSelect(now);
                table.scrollTo(Math.max(0, now - 2));
            }
        }
    }

    TableView<ExemplarRow> table() {
        return table;
    }

    /** Shows the row's place in the prompt, counting from 1. */
    private static final class PositionCell extends TableCell<ExemplarRow, ExemplarRow> {
        @Override
        protected void updateItem(ExemplarRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.valueOf(getIndex() + 1));
        }
    }
}
