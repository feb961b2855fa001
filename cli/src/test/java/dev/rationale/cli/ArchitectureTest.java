// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the style guide asks for: core and the command line stand without JavaFX or the app. */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rationale.core", "dev.rationale.cli");

    @Test
    void coreAndCliImportNothingFromJavaFx() {
        noClasses().that().resideInAnyPackage("dev.rationale.core..", "dev.rationale.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the command line and core run where no graphics toolkit exists")
                .check(PRODUCTION);
    }

    @Test
    void coreKnowsNeitherTheCliNorTheApp() {
        noClasses().that().resideInAPackage("dev.rationale.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rationale.cli..", "dev.rationale.app..")
                .because("core is the shared ground; the app and the command line stand on it, not the reverse")
                .check(PRODUCTION);
    }

    @Test
    void corePackagesDependOnEachOtherWithoutCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.rationale.core.(*)..")
                .should().beFreeOfCycles()
                .because("a cycle makes two packages one, and neither can be understood or tested alone")
                .check(PRODUCTION);
    }

    @Test
    void theRulesSeeTheClassesTheyGuard() {
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage("dev.rationale.core.render")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage("dev.rationale.cli")).isTrue();
    }
}
