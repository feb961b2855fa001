// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import org.jspecify.annotations.Nullable;

/**
 * One request to the judge and what came of it.
 *
 * @param prompt the judge prompt as sent
 * @param reply the judge's reply as it came, thinking included when the backend left it in; what arrived before a
 *     failure, or empty
 * @param failure why the judge gave no reply, or null when it did
 */
public record JudgeExchange(String prompt, String reply, @Nullable String failure) {

    public boolean failed() {
        return failure != null;
    }
}
