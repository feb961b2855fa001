// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

/** Where the download of a recommended model stands. */
public enum DownloadState {
    /** Not started in this dialog. */
    IDLE,
    /** Bytes are arriving (or the request is on its way). */
    RUNNING,
    /** Stopped by the user; the partial file stays, and starting again resumes it. */
    CANCELLED,
    /** Stopped by an error; the message says why, and starting again resumes where possible. */
    FAILED,
    /** The file is complete, checked where a checksum was known, and in the models folder. */
    DONE
}
