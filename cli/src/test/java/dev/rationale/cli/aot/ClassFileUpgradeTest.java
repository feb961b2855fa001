// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassFileUpgradeTest {
    @TempDir
    Path dir;

    private Path copyOfPicocli() throws Exception {
        Path jar = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.copy(jar, dir.resolve("picocli.jar"));
    }

    private static List<String> classNames(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
                Stream<Path> walk = Files.walk(zip.getPath("/picocli"))) {
            return walk.map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(1, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }

    private static int majorVersion(ClassLoader loader, String className) throws IOException {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            return ClassFile.of().parse(in.readAllBytes()).majorVersion();
        }
    }

    private static Object call(Object target, String method, Class<?>[] types, Object... args) throws Exception {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Method found = type.getMethod(method, types);
        // Some builder methods are declared by picocli's package-private superclasses.
        found.setAccessible(true);
        return found.invoke(target instanceof Class<?> ? null : target, args);
    }

    @Test
    void picocliBecomesJava8ClassFilesThatTheVerifierAcceptsAndThatStillParse() throws Exception {
        Path jar = copyOfPicocli();
        List<String> names = classNames(jar);

        int upgraded = ClassFileUpgrade.upgrade(jar, List.of("picocli/"));

        assertThat(upgraded).isEqualTo(names.size()).isGreaterThan(100);
        // A loader of its own, so that these bytes, not the test's own picocli, are linked, verified and run.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                assertThat(majorVersion(loader, name)).as(name).isEqualTo(ClassFile.JAVA_8_VERSION);
                assertThat(Class.forName(name, true, loader).getClassLoader()).as(name).isSameAs(loader);
            }
            Class<?> specs = loader.loadClass("picocli.CommandLine$Model$CommandSpec");
            Class<?> options = loader.loadClass("picocli.CommandLine$Model$OptionSpec");
            Object spec = call(specs, "create", new Class<?>[0]);
            Object option = call(options, "builder", new Class<?>[] {String[].class},
                    (Object) new String[] {"--count"});
            call(option, "type", new Class<?>[] {Class.class}, int.class);
            call(spec, "addOption", new Class<?>[] {options}, call(option, "build", new Class<?>[0]));
            Object commandLine = loader.loadClass("picocli.CommandLine").getConstructor(Object.class).newInstance(spec);
            Object parsed = call(commandLine, "parseArgs", new Class<?>[] {String[].class},
                    (Object) new String[] {"--count", "42"});

            assertThat(call(parsed, "matchedOptionValue", new Class<?>[] {String.class, Object.class}, "--count", 0))
                    .isEqualTo(42);
        }
        assertThat(ClassFileUpgrade.upgrade(jar, List.of("picocli/"))).as("a second run").isZero();
    }

    @Test
    void aClassFileThatAlreadyHasStackMapsIsLeftByteForByte() throws Exception {
        byte[] ours;
        try (InputStream in = ClassFileUpgrade.class.getResourceAsStream("ClassFileUpgrade.class")) {
            ours = in.readAllBytes();
        }

        assertThat(ClassFileUpgrade.upgrade(ours, ClassHierarchyResolver.defaultResolver())).isSameAs(ours);
    }

    @Test
    void aFolderTheJarDoesNotHaveIsAnError() throws Exception {
        Path jar = copyOfPicocli();

        assertThatThrownBy(() -> ClassFileUpgrade.upgrade(jar, List.of("picocli/", "nothere/")))
                .isInstanceOf(IOException.class).hasMessageContaining("nothere/");
    }
}
