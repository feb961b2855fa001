// SPDX-License-Identifier: Apache-2.0
/**
 * The Endpoints dialog: add, edit, test and remove the servers and models runs go to. The form validates as the user
 * types; keys go to the keychain, never to the endpoints file; a test lists the models and shows the kind's
 * capabilities, with a typed key before it is saved. Files, keychain and network are used off the FX thread.
 */
@NullMarked
package dev.rationale.app.endpoints;

import org.jspecify.annotations.NullMarked;
