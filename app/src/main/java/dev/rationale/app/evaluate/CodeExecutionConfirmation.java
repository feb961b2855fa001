// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.UserDialogs;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import java.nio.file.Path;

/**
 * Asks whether a workspace may run the model's code, before the first evaluation of a task graded by tests starts
 * there. Called on the FX thread, before anything is sent; the answer is recorded for the workspace.
 */
@FunctionalInterface
public interface CodeExecutionConfirmation {

    /** Never allows: such an evaluation does not start until the workspace is allowed elsewhere (the CLI). */
    CodeExecutionConfirmation DECLINE = (workspace, isolation) -> false;

    /**
     * True to allow it for {@code workspace}.
     *
     * @param isolation how the code would be isolated here, e.g. {@code unshare (no network)}
     */
    boolean allow(Path workspace, String isolation);

    /** Asks in a dialog that warns that the code runs on this machine and says how it is isolated. */
    static CodeExecutionConfirmation askingWith(UserDialogs dialogs) {
        return (workspace, isolation) -> dialogs.confirm(TITLE, message(workspace, isolation));
    }

    /** The dialog's title. */
    String TITLE = "Run the model's code on this machine?";

    /** What the dialog says: the warning, the isolation in use, and where the choice is kept. */
    static String message(Path workspace, String isolation) {
        return "This task is graded by running each answer's code against its case's tests.\n\n"
                + CodeExecutionConsent.WARNING + "\n\nIsolation here: " + isolation + ".\n\nAllow it for the"
                + " workspace " + workspace + "? The choice is kept in " + HINT + ".";
    }

    /** Where the choice is kept, and how it is turned off again. */
    String HINT = ".rationale/" + CodeExecutionConsent.FILE_NAME + " (Evaluate's \"Turn off for this workspace\", or"
            + " rationale eval --no-allow-code-execution, turns it off)";
}
