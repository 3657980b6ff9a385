package dev.mapleak.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code ./run-bench.sh} as a user does, from the project folder, with its output in a file. */
final class RunBench {

    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    final Process process;
    final Path log;

    private RunBench(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RunBench start(Path logDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PROJECT.resolve("run-bench.sh").toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(logDir, "run-bench", ".log");
        Process p = new ProcessBuilder(cmd).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RunBench(p, log);
    }

    /** Runs to the end; returns the exit status. */
    static Finished run(Path logDir, String... args) throws IOException, InterruptedException {
        RunBench r = start(logDir, args);
        return r.waitFor(20);
    }

    record Finished(int status, String output) {
    }

    Finished waitFor(int minutes) throws IOException, InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("./run-bench.sh did not finish in " + minutes + " min:\n" + output());
        }
        return new Finished(process.exitValue(), output());
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** The one run folder a run made under {@code reportsDir}. */
    static Path onlyRunFolder(Path reportsDir) throws IOException {
        try (Stream<Path> s = Files.list(reportsDir)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new AssertionError("expected one run folder in " + reportsDir + ", found " + dirs);
            }
            return dirs.get(0);
        }
    }

    static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
