// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the class files of libraries compiled for Java 5 or older, inside the packaged jar, as Java 8 class
 * files with stack maps; the code itself is left as it is.
 *
 * <p>Why: JDK 25's ahead-of-time cache only keeps classes that the type-checking verifier can check, which needs
 * the stack maps of class file version 50 and newer. picocli 4.7 is built for Java 5, so the 180-odd of its classes
 * that a command loads were read from the jar and checked by the older, inferencing verifier at every start,
 * whatever the cache held: about 0.1 s of each launch. Rewritten, they come from the cache like the rest.
 *
 * <p>The build runs it on the shaded jar before the training run: {@code ClassFileUpgrade JAR PREFIX...}, each
 * prefix a folder of class files inside the jar ({@code picocli/}). Class files already at version 50 or newer are
 * left byte for byte, so running it twice changes nothing more.
 */
public final class ClassFileUpgrade {
    /**
     * The version written: Java 8's. Version 50 would do for the cache, but a version 50 class whose stack maps fail
     * is checked again by the old verifier; from 51 on there is no such way back.
     */
    static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;
    private static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClassFileUpgrade JAR PREFIX...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> prefixes = Arrays.asList(args).subList(1, args.length);
        int upgraded = upgrade(jar, prefixes);
        System.out.println("class files: " + upgraded + " under " + String.join(", ", prefixes) + " in "
                + jar.getFileName() + " rewritten as version " + TARGET_MAJOR + " with stack maps");
    }

    /** Rewrites, in place, the old class files of the jar under the given folders; returns how many it rewrote. */
    public static int upgrade(Path jar, List<String> prefixes) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            // Stack maps name the common supertype where branches meet, so the jar's own classes must be readable.
            ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing(
                    (ClassDesc type) -> open(zip, type)).orElse(ClassHierarchyResolver.defaultResolver()).cached();
            int upgraded = 0;
            for (Path file : classFiles(zip, prefixes)) {
                byte[] original = Files.readAllBytes(file);
                byte[] rewritten = upgrade(original, resolver);
                if (rewritten != original) {
                    Files.write(file, rewritten);
                    upgraded++;
                }
            }
            return upgraded;
        }
    }

    /**
     * The class file as version {@link #TARGET_MAJOR} with stack maps, or the very array given when it is already
     * version 50 or newer.
     */
    static byte[] upgrade(byte[] classFile, ClassHierarchyResolver resolver) {
        ClassFile api = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
        ClassModel model = api.parse(classFile);
        if (model.majorVersion() >= FIRST_WITH_STACK_MAPS) {
            return classFile;
        }
        // Re-emitting every method body is what makes the API compute its stack maps; copied code would keep none.
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        return api.transformClass(model,
                newVersion.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
    }

    private static List<Path> classFiles(FileSystem zip, List<String> prefixes) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String prefix : prefixes) {
            Path folder = zip.getPath("/", prefix);
            if (!Files.isDirectory(folder)) {
                throw new IOException("no folder " + prefix + " in the jar");
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".class")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static @Nullable InputStream open(FileSystem zip, ClassDesc type) {
        String descriptor = type.descriptorString();
        Path file = zip.getPath("/", descriptor.substring(1, descriptor.length() - 1) + ".class");
        try {
            return Files.exists(file) ? Files.newInputStream(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
