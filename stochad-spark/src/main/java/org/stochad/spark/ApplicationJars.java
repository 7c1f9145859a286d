package org.stochad.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars that hold given classes, for Spark's {@code spark.jars}: executors in other JVMs load
 * the program's classes from them. A class loaded from a folder of class files (a build's
 * {@code target/classes}) is packed into a temporary jar.
 */
public final class ApplicationJars {

    private ApplicationJars() {
    }

    /**
     * @param classes classes whose code the executors need (one per jar or folder is enough)
     * @return the jars that hold them, each once, in order
     * @throws IllegalArgumentException when a class has no location on disk
     * @throws UncheckedIOException     when a folder cannot be packed
     */
    public static List<Path> of(Class<?>... classes) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalArgumentException("class " + c.getName() + " has no jar or folder to ship");
            }
            try {
                locations.add(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("class " + c.getName() + " comes from " + source.getLocation(), e);
            }
        }
        return packed(List.copyOf(locations));
    }

    /**
     * @param entries class-path entries: jars, or folders of class files
     * @return the jars as they are and each folder packed into a temporary jar, in order
     * @throws UncheckedIOException when a folder cannot be packed
     */
    public static List<Path> packed(List<Path> entries) {
        List<Path> jars = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                jars.add(pack(p));
            } else if (Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        return List.copyOf(jars);
    }

    private static Path pack(Path folder) {
        try {
            Path jar = Files.createTempFile("stochad-app-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(folder)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + folder + " into a jar for spark.jars", e);
        }
    }
}
