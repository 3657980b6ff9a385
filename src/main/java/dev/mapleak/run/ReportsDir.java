package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The folder run folders are made in ({@code reports/}, or {@code --out DIR}), checked before a run starts: a file
 * in its place, a read-only or foreign folder, or a name longer than the file system allows is bad input (exit 2,
 * one line naming the folder and what is wrong), not a failure after the checks have passed.
 */
final class ReportsDir {

    /** Linux's NAME_MAX: the longest name one path element may have, in bytes. */
    static final int NAME_MAX = 255;

    private ReportsDir() {
    }

    /**
     * Checks {@code dir}; with {@code create} also makes it and writes (then deletes) a probe file in it, since
     * only a write tells a read-only mount from a writable one. Without {@code create} ({@code --dry-run}) nothing
     * is written: the nearest existing folder must be one and look writable.
     */
    static void check(Path dir, boolean create) {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path element : abs) {
            int bytes = element.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                throw problem(abs, "a name in it is " + bytes + " bytes long; a file system takes at most " + NAME_MAX);
            }
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw problem(abs, existing.equals(abs) ? "it is a file, not a folder" : existing + " is a file, not a folder");
        }
        if (!create) {
            if (existing != null && !Files.isWritable(existing)) {
                throw problem(abs, existing + " is not writable");
            }
            return;
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".mapleak-write-check", ".tmp");
            Files.delete(probe);
        } catch (FileSystemException e) {
            throw problem(abs, why(e));
        } catch (IOException e) {
            throw problem(abs, String.valueOf(e.getMessage()));
        }
    }

    /** The operating system's reason, lower-cased, with the path it is about when that is not the folder itself. */
    static String why(FileSystemException e) {
        // Java leaves the reason out of the exceptions it has a class for: say what their errno says.
        String reason = e.getReason() != null ? e.getReason()
                : e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof NotDirectoryException ? "Not a directory"
                : e instanceof FileAlreadyExistsException ? "File exists"
                : e.getClass().getSimpleName();
        reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        return e.getFile() == null ? reason : reason + " (" + e.getFile() + ")";
    }

    private static UsageException problem(Path dir, String what) {
        return new UsageException("cannot make run folders in " + shown(dir) + ": " + what
                + "; name another folder with --out DIR");
    }

    /** The path with every name too long to exist cut short, so the line stays readable. */
    static String shown(Path dir) {
        StringBuilder s = new StringBuilder(dir.isAbsolute() ? "/" : "");
        for (Path element : dir) {
            String name = element.toString();
            s.append(s.length() > 1 ? "/" : "").append(name.length() > NAME_MAX ? Quote.cut(name, 20) : name);
        }
        return s.toString();
    }
}
