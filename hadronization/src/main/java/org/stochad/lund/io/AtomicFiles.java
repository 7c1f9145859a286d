package org.stochad.lund.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name in the target's directory and moves it into place. */
public final class AtomicFiles {

    /** Writes text to a writer. */
    @FunctionalInterface
    public interface TextBody {
        /**
         * @param out the writer
         * @throws IOException on failure
         */
        void write(BufferedWriter out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the final path
     * @param body   writes the content
     * @throws IOException on failure (the target is then untouched)
     */
    public static void write(Path target, TextBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
