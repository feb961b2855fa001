// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The MVVM split of the style guide, checked on the app's own classes. */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rationale.app");

    // The classes that may touch the scene graph, each kind by what it is rather than by its name.
    private static final DescribedPredicate<JavaClass> TOUCHES_THE_SCENE_GRAPH = DescribedPredicate.describe(
            "a node (or nested in one), an Application, a window it opens, a factory of nodes, or a toolkit bridge "
                    + "in fx", ArchitectureTest::touchesTheSceneGraph);

    private static boolean touchesTheSceneGraph(JavaClass type) {
        return isOrIsInNode(type)
                || type.isAssignableTo("javafx.application.Application")
                || opensAWindow(type)
                || type.getMethods().stream().anyMatch(m -> m.getRawReturnType().isAssignableTo("javafx.scene.Node"))
                || type.getPackageName().startsWith("dev.rationale.app.fx");
    }

    // A view, a cell, a pane, and the listeners and cells declared inside them.
    private static boolean isOrIsInNode(JavaClass type) {
        for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
            if (at.get().isAssignableTo("javafx.scene.Node")) {
                return true;
            }
        }
        return false;
    }

    // A dialog, an alert or a popup of its own: it constructs a javafx Dialog or Window.
    private static boolean opensAWindow(JavaClass type) {
        return type.getConstructorCallsFromSelf().stream().map(call -> call.getTargetOwner()).anyMatch(owner ->
                owner.isAssignableTo("javafx.scene.control.Dialog") || owner.isAssignableTo("javafx.stage.Window"));
    }

    @Test
    void everyClassButViewsAndWindowsKnowsNoNodes() {
        noClasses().that(DescribedPredicate.not(TOUCHES_THE_SCENE_GRAPH))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models, actions and services hold state and are tested without a toolkit; only "
                        + "nodes (views, cells), the Application, the dialogs and popups that open their own window, "
                        + "factories of nodes for a view and the toolkit bridges in fx may touch the scene graph")
                .check(APP);
    }

    @Test
    void theNodeRuleLooksAtTheMainWindowsViewModelAndActions() {
        // Proof that the rule above is not vacuous: the classes that once escaped it by their name are checked.
        for (String name : new String[] {"shell.MainWindowViewModel", "shell.DocumentActions", "shell.RunCoordinator",
                "shell.StatusLine", "shell.SessionRestore", "AppContext", "theme.ThemeViewModel"}) {
            assertThat(TOUCHES_THE_SCENE_GRAPH.test(APP.get("dev.rationale.app." + name))).as(name).isFalse();
        }
        for (String name : new String[] {"shell.MainWindow", "RationaleApp", "endpoints.EndpointsDialog",
                "output.TokenPopup", "fx.ThemeSwitcher"}) {
            assertThat(TOUCHES_THE_SCENE_GRAPH.test(APP.get("dev.rationale.app." + name))).as(name).isTrue();
        }
    }

    @Test
    void viewModelsLiveBesideTheirViews() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideOutsideOfPackage("dev.rationale.app.fx..")
                .because("a feature's view and view model share a package; fx/ holds only toolkit helpers")
                .check(APP);
    }
}
