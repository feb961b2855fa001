// SPDX-License-Identifier: Apache-2.0
/**
 * The main window: the menus, the run bar, the workspace sidebar, the centre tabs and the status bar, with
 * {@link dev.rationale.app.shell.MainWindowViewModel} behind them. Each menu action is its own class: document
 * actions (open, save, the unsaved-edits question), the recovery copy of unsaved edits, session restore at start-up,
 * export, History's Reopen, run coordination (run, compare, stop, branch, evaluate, rerun) and the status line.
 */
@NullMarked
package dev.rationale.app.shell;

import org.jspecify.annotations.NullMarked;
