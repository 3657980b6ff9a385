package dev.mapleak.gorun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts that stand in for a Go toolchain in unit tests, so they run where Go is not installed. */
public final class FakeGo {

    private FakeGo() {
    }

    /** An executable script at {@code file}. */
    public static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A {@code go} that says it is {@code version} and fails anything else. */
    public static Path answering(Path file, String version) throws IOException {
        return script(file, "if [ \"$1\" = env ] && [ \"$2\" = GOVERSION ]; then echo " + version + "; exit 0; fi\nexit 1\n");
    }
}
