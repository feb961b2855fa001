// SPDX-License-Identifier: Apache-2.0
/**
 * The first run of a user who has no endpoint yet: {@link dev.rationale.core.download.LocalServerProbe} looks for an
 * Ollama or llama.cpp server already running on this machine, and otherwise the user picks one of the
 * {@link dev.rationale.core.download.RecommendedModels} for the embedded llama.cpp engine, which
 * {@link dev.rationale.core.download.ModelDownloader} fetches.
 *
 * <p>A download writes to {@code <target>.part}, resumes from it with an HTTP range request after an interruption or
 * a cancel, checks the whole file's SHA-256 (the expected one, or else the one the server states) and only then
 * moves it into place, so a file at the target is always complete. Progress and the outcome arrive as
 * {@link dev.rationale.core.download.DownloadEvent}s on the executor the downloader was given; nothing here throws
 * network or disk errors at the caller.
 */
@NullMarked
package dev.rationale.core.download;

import org.jspecify.annotations.NullMarked;
