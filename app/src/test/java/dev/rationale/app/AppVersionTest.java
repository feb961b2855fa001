// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionTest {

    @Test
    void aManifestVersionIsShownAsIs() {
        assertThat(AppVersion.describe("0.3.1")).isEqualTo("0.3.1");
    }

    @Test
    void aMissingOrBlankVersionIsCalledADevelopmentBuild() {
        assertThat(AppVersion.describe(null)).isEqualTo("development build");
        assertThat(AppVersion.describe("  ")).isEqualTo("development build");
    }

    @Test
    void classesLoadedFromADirectoryHaveNoManifestVersion() {
        // Surefire runs against target/classes, which carries no manifest.
        assertThat(AppVersion.current()).isEqualTo("development build");
    }
}
