package dev.mapleak.gorun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mapleak's Go program ({@code src/main/go}): where its source is, which value sizes it has compiled in, and
 * how it is built. Building never reaches the network: the program has no dependencies, and the build runs
 * with {@code GOPROXY=off} and {@code GOTOOLCHAIN=local} (a newer Go would otherwise fetch another toolchain).
 */
public final class GoProgram {

    /** The executable's name in the build directory. */
    public static final String BINARY = "mapleak-gorun";

    /** A line of {@code valueSizes} in maps.go: {@code 128:  sized[[128]byte](128),}. */
    private static final Pattern SIZE_LINE = Pattern.compile("^\\s*(\\d+):\\s*sized\\[\\[(\\d+)]byte]\\((\\d+)\\),",
            Pattern.MULTILINE);

    private GoProgram() {
    }

    /** The program's folder under mapleak's home. */
    public static Path sourceDir(Path home) {
        return home.resolve("src").resolve("main").resolve("go");
    }

    /** Whether {@code sourceDir} holds the program (a checkout has it; a lone jar does not). */
    public static boolean present(Path sourceDir) {
        return Files.isRegularFile(sourceDir.resolve("go.mod")) && Files.isRegularFile(sourceDir.resolve("maps.go"));
    }

    /**
     * The value sizes the program has a Go array type for, read from its source ({@code valueSizes} in maps.go),
     * so the plan and the program cannot disagree.
     */
    public static List<Integer> valueSizes(Path sourceDir) throws IOException {
        String source = Files.readString(sourceDir.resolve("maps.go"));
        TreeSet<Integer> sizes = new TreeSet<>();
        Matcher m = SIZE_LINE.matcher(source);
        while (m.find()) {
            if (!m.group(1).equals(m.group(2)) || !m.group(1).equals(m.group(3))) {
                throw new IOException("maps.go registers " + m.group(0).strip() + ": the three sizes must agree");
            }
            sizes.add(Integer.parseInt(m.group(1)));
        }
        if (sizes.isEmpty()) {
            throw new IOException(sourceDir.resolve("maps.go") + " lists no value sizes");
        }
        return List.copyOf(sizes);
    }

    /** What a build left: the executable when it succeeded, and everything the toolchain printed. */
    public record Build(Path binary, boolean ok, List<String> command, String output) {
    }

    /** {@code go build -o outDir/mapleak-gorun .}, in the source folder. */
    public static Build build(GoToolchain go, Path sourceDir, Path outDir, Map<String, String> env) throws IOException {
        Files.createDirectories(outDir);
        Path binary = outDir.resolve(BINARY).toAbsolutePath();
        Files.deleteIfExists(binary);
        List<String> command = List.of(go.go().toString(), "build", "-o", binary.toString(), ".");
        ProcessBuilder pb = new ProcessBuilder(command).directory(sourceDir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(buildEnvironment(env, outDir.resolve("cache")));
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Build(binary, false, command, output + "\n(go build did not finish within 10 minutes)");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the Go program");
        }
        boolean ok = p.exitValue() == 0 && Files.isExecutable(binary);
        return new Build(binary, ok, command, ok ? output : output + "(go build exited with status " + p.exitValue() + ")");
    }

    /**
     * The environment for the {@code go} command: the user's, with the network shut off, cgo off (the program
     * needs no C compiler) and, where neither GOCACHE nor a home for it is set, a build cache in
     * {@code fallbackCache}.
     */
    static Map<String, String> buildEnvironment(Map<String, String> env, Path fallbackCache) {
        Map<String, String> e = new HashMap<>(env);
        e.put("GOPROXY", "off");
        e.put("GOTOOLCHAIN", "local");
        e.put("GOFLAGS", "-mod=mod");
        e.put("CGO_ENABLED", "0");
        boolean hasCache = notBlank(e.get("GOCACHE")) || notBlank(e.get("XDG_CACHE_HOME")) || notBlank(e.get("HOME"));
        if (!hasCache && fallbackCache != null) {
            e.put("GOCACHE", fallbackCache.toAbsolutePath().toString());
        }
        return e;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The last lines of a text, for failure records. */
    public static List<String> tail(String text, int lines) {
        List<String> all = new ArrayList<>(text.lines().toList());
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
