package org.stochad.lund.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stochad.study.OutputFiles;

/** Text output through the core's {@link OutputFiles}: written under a temporary name, then moved into place. */
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
     * @throws java.io.UncheckedIOException on failure (the target is then untouched)
     */
    public static void write(Path target, TextBody body) {
        OutputFiles.writeAtomically(target, p -> {
            try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }
}
