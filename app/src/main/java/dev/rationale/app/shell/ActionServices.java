// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.UserDialogs;
import java.util.concurrent.Executor;

/**
 * What every action of the main window works with: the status line it reports to, the dialogs it asks through
 * (they belong to the main window), the FX executor results come back on, and the background executor that reads
 * and writes files.
 */
public record ActionServices(StatusLine status, UserDialogs dialogs, Executor fx, Executor background) {
}
