// SPDX-License-Identifier: Apache-2.0
/**
 * Small pieces of thread handling that more than one part of core needs, such as a wait that an interrupt cannot
 * cut short ({@link dev.rationale.core.concurrent.Uninterruptibly}).
 */
@NullMarked
package dev.rationale.core.concurrent;

import org.jspecify.annotations.NullMarked;
