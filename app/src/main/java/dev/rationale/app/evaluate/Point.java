// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

/** One point of a line chart, e.g. (number of shots, accuracy as a fraction). */
public record Point(double x, double y) {
}
