// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThemeViewModelTest {

    private final ThemeViewModel viewModel = new ThemeViewModel();

    @Test
    void startsWithTheLightTheme() {
        assertThat(viewModel.getTheme()).isEqualTo(Theme.LIGHT);
        assertThat(viewModel.getThemeName()).isEqualTo("Light");
    }

    @Test
    void togglingSwitchesToDarkAndBackToLight() {
        viewModel.toggleTheme();
        assertThat(viewModel.getTheme()).isEqualTo(Theme.DARK);

        viewModel.toggleTheme();
        assertThat(viewModel.getTheme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void themeNameFollowsTheThemeProperty() {
        List<String> seen = new ArrayList<>();
        viewModel.themeNameProperty().addListener((obs, oldName, newName) -> seen.add(newName));

        viewModel.setTheme(Theme.DARK);
        viewModel.themeProperty().set(Theme.LIGHT);

        assertThat(seen).containsExactly("Dark", "Light");
    }

    @Test
    void settingTheSameThemeAgainNotifiesNobody() {
        List<Theme> seen = new ArrayList<>();
        viewModel.themeProperty().addListener((obs, oldTheme, newTheme) -> seen.add(newTheme));

        viewModel.setTheme(Theme.LIGHT);

        assertThat(seen).isEmpty();
    }

    @Test
    void refusesANullThemeAndKeepsTheCurrentOne() {
        viewModel.setTheme(Theme.DARK);

        assertThatNullPointerException().isThrownBy(() -> viewModel.setTheme(null));
        assertThat(viewModel.getTheme()).isEqualTo(Theme.DARK);
    }
}
