// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

/** What importing into an existing task does with the cases the task already has. */
public enum ImportMode {
    /** Keep them and add the imported cases after them; an imported id that is already taken is an error. */
    APPEND,
    /** Drop them; the task's cases become the imported ones. */
    REPLACE
}
