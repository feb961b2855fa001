// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** What to tell the user about a failure of background work: the message of its cause, without the wrappers. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of {@code error} once the wrappers that completable futures add are taken off; the exception's
     * type when it has no message.
     */
    public static String messageOf(@Nullable Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return "Unknown error.";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
