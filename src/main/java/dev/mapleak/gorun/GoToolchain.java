package dev.mapleak.gorun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An installed Go toolchain, found the way a shell on the user's machine would find it: {@code $GOROOT/bin/go}
 * when GOROOT is set, otherwise the first {@code go} on PATH. Its version is what it says itself
 * ({@code go env GOVERSION}).
 *
 * @param go      the {@code go} command
 * @param version {@code go1.19.8}
 */
public record GoToolchain(Path go, String version) {

    /** What a user without Go is told. */
    public static final String HOW_TO_INSTALL = "install one (Debian/Ubuntu: apt-get install golang-go; "
            + "elsewhere https://go.dev/doc/install) or put its bin directory on PATH";

    private static final Pattern MINOR = Pattern.compile("go1\\.(\\d+)");

    /** The toolchain this environment leads to, or empty when there is none that answers. */
    public static Optional<GoToolchain> find(Map<String, String> env) {
        for (Path candidate : candidates(env)) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                Optional<String> version = version(candidate, env);
                if (version.isPresent()) {
                    return Optional.of(new GoToolchain(candidate, version.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The toolchain of the environment mapleak runs in. */
    public static Optional<GoToolchain> find() {
        return find(System.getenv());
    }

    static List<Path> candidates(Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        String goroot = env.get("GOROOT");
        if (goroot != null && !goroot.isBlank()) {
            paths.add(Path.of(goroot, "bin", "go"));
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    paths.add(Path.of(dir, "go"));
                }
            }
        }
        return paths;
    }

    private static Optional<String> version(Path go, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "env", "GOVERSION").redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(GoProgram.buildEnvironment(env, null));
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String v = new String(out, StandardCharsets.UTF_8).strip();
            return v.startsWith("go") || v.startsWith("devel") ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** 19 for {@code go1.19.8}; -1 when the version does not say. */
    public int minorVersion() {
        Matcher m = MINOR.matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Whether the language has the {@code clear} builtin (Go 1.21): the CLEAR strategy. */
    public boolean hasClear() {
        return minorVersion() >= 21;
    }

    /**
     * The map implementation programs built by this toolchain use by default: "classic" buckets before Go 1.24,
     * "swiss" tables from 1.24 (the Go program records what its runtime actually has, GOEXPERIMENT included).
     */
    public String mapImplementation() {
        int minor = minorVersion();
        return minor < 0 ? "unknown" : minor >= 24 ? "swiss" : "classic";
    }

    public String describe() {
        return version + " (" + go + ")";
    }
}
