package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hidden temporary files a run folder can hold while it is written ({@code .ID.json.partial} from JMH,
 * {@code .NAME.tmp} from {@link RunFolder#writeAtomically}): never results, and left behind only by a run that
 * stopped mid-write. An interrupted run removes them on its way out; {@code kill -9} gives it no chance, so every
 * {@code --resume} removes them too, under the folder's lock.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Removes them; returns how many there were. */
    static int clean(RunFolder folder) {
        int removed = 0;
        for (Path dir : List.of(folder.dir(), folder.results(), folder.failures(), folder.dir().resolve("charts"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Leftovers::isLeftover).toList()) {
                    if (Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                // a file that cannot be removed is harmless: hidden, and never read as a result
            }
        }
        return removed;
    }

    static boolean isLeftover(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(".") && (name.endsWith(".partial") || name.endsWith(".tmp")) && Files.isRegularFile(f);
    }
}
