// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.cost.CostText;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.history.HistoryStore;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlRunReportTest {
    @TempDir
    Path dir;
    private String html;
    private Document page;

    @BeforeEach
    void render() throws Exception {
        String runId = BatchOutputs.importedRun(dir);
        try (HistoryStore store = HistoryStore.open(dir)) {
            html = HtmlRunReport.render(RunSnapshot.read(store, runId).orElseThrow());
        }
        page = Jsoup.parse(html);
    }

    @Test
    void theGridShowsAccuracyAndWilsonIntervalPerVariant() {
        Element grid = page.selectFirst("table.grid");
        assertThat(grid.select("tr").first().select("th").eachText())
                .containsExactly("Variant", "openai-batch/gpt-4o-mini");
        Element oneShot = grid.select("tr").get(1);
        Element vote = grid.select("tr").get(2);
        assertThat(oneShot.selectFirst("th").text()).isEqualTo("one-shot");
        // one-shot: c1 and c2 right, c3 refused (not graded); cot-vote: 3 of 4 samples right, 1 expired.
        assertThat(oneShot.selectFirst(".accuracy").text()).isEqualTo("100.0%");
        assertThat(oneShot.selectFirst(".interval").text()).isEqualTo(interval(2, 2));
        assertThat(oneShot.selectFirst(".counts").text()).isEqualTo("2 of 2 graded, 1 failed");
        assertThat(vote.selectFirst("th").text()).isEqualTo("cot-vote");
        assertThat(vote.selectFirst(".accuracy").text()).isEqualTo("75.0%");
        assertThat(vote.selectFirst(".interval").text()).isEqualTo(interval(3, 4));
    }

    @Test
    void eachCellCostsItsReportedTokensAtTheBatchPrice() {
        // one-shot: two answered lines of 40 prompt and 5 completion tokens (the refused one reported none), on
        // gpt-4o-mini at $0.15 in and $0.60 out per million, half off through the batch API.
        double oneShot = (80 * 0.15 + 10 * 0.60) / 1e6 * 0.5;
        Element grid = page.selectFirst("table.grid");
        assertThat(grid.select("tr").get(1).selectFirst(".cost").text()).isEqualTo(CostText.usd(oneShot))
                .isEqualTo("$0.0000090");
        assertThat(page.select("p.meta").eachText()).anyMatch(line -> line.startsWith("Cost: $")
                && line.contains("from the reported usage at the prices checked "));
    }

    @Test
    void eachVariantIsPairedWithTheFirstOnTheCasesBothGraded() {
        Element paired = page.selectFirst("table.paired");
        assertThat(page.select("h2").eachText()).contains("Against one-shot");
        assertThat(paired.select("tr").first().select("th").eachText()).containsExactly("Variant", "Model", "Pairs",
                "Only baseline right", "Only variant right", "Difference [95%]", "McNemar p");
        // c1 right in both; c2 right for one-shot, a 1-1 tie of cot-vote's samples (no majority); c3 graded in
        // neither (refused; expired).
        assertThat(paired.select("tr").get(1).select("td").eachText()).containsExactly("cot-vote",
                "openai-batch/gpt-4o-mini", "2", "1", "0", "-50.0 [-100.0, 0.0]", "1.000");
        assertThat(paired.select("tr.significant")).isEmpty();
    }

    @Test
    void eachCaseShowsTheRequestAsSentOncePerVariantFoldedAway() {
        Element first = page.select("section.case").first();
        List<Element> requests = first.select("details.request");
        // one-shot has one sample and cot-vote two, which share their prompt: two requests, not three.
        assertThat(first.select(".completion")).hasSize(3);
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.hasAttr("open")).isFalse();
            assertThat(r.selectFirst("summary").text()).isEqualTo("Request as sent");
        });
        assertThat(requests).extracting(r -> r.selectFirst("pre").wholeText()).anySatisfy(prompt -> assertThat(prompt)
                .startsWith("[system]\n")).anySatisfy(prompt -> assertThat(prompt)
                .isEqualTo("[user]\nQ: What is 2 + 3?\n\nLet's think step by step."));
    }

    @Test
    void chartsAreInlineSvgWithABarPerVariant() {
        List<Element> charts = page.select("svg.chart");
        assertThat(charts).hasSize(2);
        assertThat(charts.getFirst().select("rect.bar")).hasSize(2);
        assertThat(charts.getFirst().select("text.value").eachText()).containsExactly("100.0%", "75.0%");
        assertThat(charts.getFirst().select("line.whisker")).hasSize(6);
        assertThat(charts.get(1).selectFirst("title").text()).startsWith("Calibration");
    }

    @Test
    void tokensAreColouredByProbabilityWithTheirAlternativesInTheTitle() {
        Element oneShotC1 = page.select("section.case").first().select(".completion").stream()
                .filter(c -> c.selectFirst(".label").text().startsWith("one-shot")).findFirst().orElseThrow();
        List<Element> tokens = oneShotC1.select(".tokens span");
        assertThat(tokens).extracting(Element::text).containsExactly("The", "answer", "is", "5", ".");
        Element answer = tokens.get(3);
        // p = e^-0.9 = 40.7%: heat level 9 - floor(4.07) = 5.
        assertThat(answer.className()).isEqualTo("h5");
        assertThat(answer.attr("title")).isEqualTo("p = 40.7%; alternatives: \" 5\" 40.7%, \" alt1\" 1.8%,"
                + " \" alt2\" 0.7%");
        assertThat(oneShotC1.selectFirst(".grade").text()).isEqualTo("correct");
    }

    @Test
    void textFromTheRunIsEscapedAndNothingIsLoadedFromElsewhere() {
        assertThat(page.select("too")).isEmpty();
        assertThat(page.text()).contains("Invalid 'messages': <too long> & more");
        assertThat(page.select("[src], [href], script, link, img, iframe, object, embed")).isEmpty();
        assertThat(html).doesNotContain("http").doesNotContain("url(").doesNotContain("@import");
        assertThat(page.selectFirst("style").data()).contains(".h5");
    }

    @Test
    void chromiumRendersTheReport() throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed");
        Path file = dir.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        // Kept in target/ so that a person can look at it after the build.
        Path png = Path.of("target", "exchange", "report.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1100,1800",
                "--screenshot=" + png, file.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }

        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        BufferedImage image = ImageIO.read(new File(png.toString()));
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(countDarkPixels(image)).as("text was drawn").isGreaterThan(1000);
    }

    private static int countDarkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int sum = (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
                dark += sum < 200 ? 1 : 0;
            }
        }
        return dark;
    }

    private static String interval(int correct, int graded) {
        WilsonInterval w = WilsonInterval.of(correct, graded);
        return String.format(Locale.ROOT, "[%.1f%% – %.1f%%]", w.low() * 100, w.high() * 100);
    }
}
