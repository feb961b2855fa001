// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

/** The main window's centre tabs, in the order they are shown and numbered (Ctrl+1..5). */
public enum CentreTab { COMPOSE, OUTPUT, COMPARE, EVALUATE, HISTORY }
