// SPDX-License-Identifier: Apache-2.0
/**
 * The first-run dialog, offered to a user with no endpoint and no model: pick a GGUF file, download a recommended
 * model (resumable, checksum verified), use a server found running on this machine, or go on to the Endpoints
 * dialog. The choice is the dialog's result; the main window saves or uses it.
 */
@NullMarked
package dev.rationale.app.firstrun;

import org.jspecify.annotations.NullMarked;
