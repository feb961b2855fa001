// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThemeTest {

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyThemeStylesheetIsOnTheClasspathAndDefinesThePalette(Theme theme) throws IOException {
        assertThat(theme.getStylesheetUrl()).endsWith(theme.getStylesheetPath());
        try (InputStream in = Theme.class.getResourceAsStream(theme.getStylesheetPath())) {
            assertThat(in).as(theme.getStylesheetPath()).isNotNull();
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(css).contains("-rt-bg:", "-rt-fg:", "-rt-accent:", "-rt-muted:", "-rt-border:");
        }
    }

    @ParameterizedTest
    @CsvSource({"dark, DARK", "DARK, DARK", " Light , LIGHT", "light, LIGHT"})
    void parsesThemeNamesIgnoringCaseAndBlanks(String name, Theme expected) {
        assertThat(Theme.parse(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "solarized", "dark-ish"})
    void parsingAnUnknownNameGivesNothing(String name) {
        assertThat(Theme.parse(name)).isEmpty();
    }
}
