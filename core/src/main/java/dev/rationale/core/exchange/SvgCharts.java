// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static dev.rationale.core.exchange.HtmlText.escape;
import static dev.rationale.core.exchange.HtmlText.number;
import static dev.rationale.core.exchange.HtmlText.percent;

import dev.rationale.core.eval.CalibrationBins;
import dev.rationale.core.eval.WilsonInterval;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The report's charts as inline SVG, drawn here so the report needs nothing from elsewhere. Each chart has a
 * {@code <title>} and text labels, so it reads without colour and prints on white.
 */
final class SvgCharts {
    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 230;
    private static final int ROW = 30;
    private static final int TOP = 28;

    /** One bar: a label, an accuracy (null when nothing was graded) and its interval. */
    record Bar(String label, @Nullable Double accuracy, WilsonInterval interval, int graded) {
    }

    private SvgCharts() {
    }

    /** Horizontal bars of accuracy, 0 to 100%, each with its 95% interval as an error bar. */
    static String accuracyBars(List<Bar> bars) {
        int plot = WIDTH - LABEL_WIDTH - 70;
        int height = TOP + bars.size() * ROW + 30;
        StringBuilder svg = open(height, "Accuracy per variant with 95% Wilson intervals");
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = LABEL_WIDTH + plot * tick / 100.0;
            svg.append(line(x, TOP - 6, x, TOP + bars.size() * ROW, "grid"));
            svg.append(text(x, TOP - 10, tick + "%", "middle", "axis"));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * ROW;
            svg.append(text(LABEL_WIDTH - 8, y + ROW / 2.0 + 4, bar.label(), "end", "label"));
            if (bar.accuracy() == null) {
                svg.append(text(LABEL_WIDTH + 6, y + ROW / 2.0 + 4, "nothing graded", "start", "axis"));
                continue;
            }
            double width = plot * bar.accuracy();
            svg.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(number(y + 6))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(ROW - 12)
                    .append("\"/>\n");
            double low = LABEL_WIDTH + plot * bar.interval().low();
            double high = LABEL_WIDTH + plot * bar.interval().high();
            double mid = y + ROW / 2.0;
            svg.append(line(low, mid, high, mid, "whisker"));
            svg.append(line(low, mid - 6, low, mid + 6, "whisker"));
            svg.append(line(high, mid - 6, high, mid + 6, "whisker"));
            svg.append(text(LABEL_WIDTH + plot + 8, mid + 4, percent(bar.accuracy()), "start", "value"));
        }
        svg.append(text(LABEL_WIDTH, height - 8, "bars: accuracy of graded completions; whiskers: 95% interval",
                "start", "axis"));
        return svg.append("</svg>\n").toString();
    }

    /** A reliability diagram: each non-empty bin's accuracy against its confidence range, with the diagonal. */
    static String calibration(CalibrationBins bins) {
        int size = 260;
        int left = 56;
        int top = 16;
        int height = size + top + 48;
        StringBuilder svg = open(height, "Calibration: accuracy against the answer's token probability");
        svg.append(line(left, top + size, left + size, top + size, "axis-line"));
        svg.append(line(left, top, left, top + size, "axis-line"));
        svg.append(line(left, top + size, left + size, top, "diagonal"));
        for (int tick = 0; tick <= 100; tick += 50) {
            svg.append(text(left - 6, top + size - size * tick / 100.0 + 4, tick + "%", "end", "axis"));
            svg.append(text(left + size * tick / 100.0, top + size + 16, tick + "%", "middle", "axis"));
        }
        for (CalibrationBins.Bin bin : bins.bins()) {
            if (bin.count() == 0 || bin.accuracy() == null) {
                continue;
            }
            double x = left + size * bin.lower();
            double w = size * (bin.upper() - bin.lower());
            double h = size * bin.accuracy();
            svg.append("<rect class=\"bin\" x=\"").append(number(x + 1)).append("\" y=\"")
                    .append(number(top + size - h)).append("\" width=\"").append(number(w - 2))
                    .append("\" height=\"").append(number(h)).append("\"><title>")
                    .append(escape(percent(bin.lower()) + "–" + percent(bin.upper()) + ": " + bin.count()
                            + " answers, " + percent(bin.accuracy()) + " correct"))
                    .append("</title></rect>\n");
        }
        svg.append(text(left + size / 2.0, top + size + 34, "answer probability; expected calibration error "
                + percent(bins.expectedCalibrationError()), "middle", "axis"));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int height, String title) {
        return new StringBuilder("<svg class=\"chart\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\"><title>").append(escape(title)).append("</title>\n");
    }

    private static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\""
                + number(x2) + "\" y2=\"" + number(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String content, String anchor, String cssClass) {
        return "<text class=\"" + cssClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\""
                + anchor + "\">" + escape(content) + "</text>\n";
    }
}
