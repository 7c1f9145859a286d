package org.stochad.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an I/O failure into a few plain words for a one-line error message. */
final class IoProblem {

    private IoProblem() {
    }

    /**
     * @param e an I/O failure
     * @return why it failed, in plain words (no exception class names)
     */
    static String describe(Exception e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not a UTF-8 text file: it holds bytes that are not text";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        if (e.getCause() instanceof IOException io && io != e) {
            return describe(io);
        }
        return e.getMessage() == null ? "i/o error" : e.getMessage();
    }
}
