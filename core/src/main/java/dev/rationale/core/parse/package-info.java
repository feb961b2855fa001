// SPDX-License-Identifier: Apache-2.0
/**
 * What every reader of a user's file needs before it reads its own format: the text, decoded as strict UTF-8
 * with the place of the first bad byte ({@link dev.rationale.core.parse.Utf8Files}), and the place and plain
 * words of a Jackson parse failure, including the limit violations Jackson reports without a place
 * ({@link dev.rationale.core.parse.JsonFailure}). The readers wrap both in their own exceptions.
 */
@NullMarked
package dev.rationale.core.parse;

import org.jspecify.annotations.NullMarked;
