package org.stochad.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes output files under a temporary name and moves them into place, so no partial file is ever seen. */
public final class OutputFiles {

    /** Writes one file to the path it is given. */
    @FunctionalInterface
    public interface IoWriter {
        /**
         * @param path where to write
         * @throws IOException on failure
         */
        void write(Path path) throws IOException;
    }

    private OutputFiles() {
    }

    /**
     * @param target the final path (its folder is created when missing)
     * @param writer writes the content to the temporary path it is given
     * @return the target
     * @throws UncheckedIOException when writing or moving fails (the temporary file is removed)
     */
    public static Path writeAtomically(Path target, IoWriter writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String suffix = dot >= 0 ? name.substring(dot) : ".tmp";
            tmp = Files.createTempFile(dir, "." + name + "-", suffix);
            writer.write(tmp);
            makeReadable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort clean-up of the temporary file
                }
            }
        }
    }

    /** Temporary files are private (0600); the finished output gets the usual rw-r--r--. */
    private static void makeReadable(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * @param target the final path
     * @param text   the text to write as UTF-8
     * @return the target
     */
    public static Path writeString(Path target, String text) {
        return writeAtomically(target, p -> Files.writeString(p, text));
    }
}
