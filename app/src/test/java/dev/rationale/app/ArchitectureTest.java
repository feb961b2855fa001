// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The MVVM split of the style guide, checked on the app's own classes. */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rationale.app");

    @Test
    void viewModelsKnowNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state and are tested without a toolkit; views own the nodes")
                .check(APP);
    }

    @Test
    void viewModelsLiveBesideTheirViews() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideOutsideOfPackage("dev.rationale.app.fx..")
                .because("a feature's view and view model share a package; fx/ holds only toolkit helpers")
                .check(APP);
    }
}
