package dev.mapleak.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The profilers {@code --prof NAME} adds to every group: {@code gc} is JMH's allocation profiler;
 * {@code alloc} and {@code cpu} run async-profiler through JMH's {@code async} profiler, with the native
 * library taken from the {@code tools.profiler:async-profiler} Maven artifact inside the jar (nothing is
 * downloaded), and flame graphs written per group under the run folder's {@code profiles/}.
 */
final class ExtraProfilers {

    static final List<String> NAMES = List.of("gc", "alloc", "cpu");
    static final String ASYNC_LIBRARY = "linux-x64/libasyncProfiler.so";

    private ExtraProfilers() {
    }

    static void checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new UsageException("unknown profiler '" + name + "' for --prof; valid: " + String.join(", ", NAMES));
        }
    }

    /** Whether this profiler needs exactly one fork per group (JMH 1.37 writes every fork to the same files). */
    static boolean needsSingleFork(List<String> names) {
        return names.contains("alloc") || names.contains("cpu");
    }

    static List<GroupRunner.ExtraProfiler> create(List<String> names, RunFolder folder) throws IOException {
        List<GroupRunner.ExtraProfiler> profilers = new ArrayList<>();
        for (String name : names) {
            checkName(name);
            if (name.equals("gc")) {
                profilers.add((b, c, jvm) -> b.addProfiler("gc"));
            } else {
                Path lib = extractAsyncProfiler(folder.dir().resolve(".lib"));
                String event = name.equals("alloc") ? "alloc" : "cpu";
                profilers.add((b, c, jvm) -> {
                    Path dir = folder.dir().resolve("profiles").resolve(c.id() + "," + event);
                    Files.createDirectories(dir);
                    b.forks(1);
                    b.addProfiler("async", "libPath=" + lib + ";event=" + event + ";output=flamegraph;dir=" + dir);
                });
            }
        }
        return profilers;
    }

    /** Copies async-profiler's Linux x64 library out of the jar (once per run folder). */
    static Path extractAsyncProfiler(Path dir) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UsageException("--prof alloc/cpu need Linux x64 (async-profiler's bundled library); this is "
                    + os + " " + arch);
        }
        Path lib = dir.resolve("libasyncProfiler.so");
        if (Files.isRegularFile(lib)) {
            return lib;
        }
        try (InputStream in = ExtraProfilers.class.getClassLoader().getResourceAsStream(ASYNC_LIBRARY)) {
            if (in == null) {
                throw new UsageException("the jar has no " + ASYNC_LIBRARY + " (tools.profiler:async-profiler); rebuild with mvn package");
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".libasyncProfiler.so.tmp");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RunFolder.move(tmp, lib);
        }
        return lib;
    }
}
