package dev.mapleak.run;

import dev.mapleak.measure.ExplicitGc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code environment.json}: everything a reader needs to judge or reproduce a run's numbers: every JVM the
 * forks ran on with its collector and every flag, the machine, and the mapleak version and commit.
 */
final class Environment {

    private Environment() {
    }

    static Map<String, Object> describe(String profile, List<String> command, Map<JvmConfig, JvmConfig.Checked> jvms,
                                        List<String> jvmsLeftOut, Path projectDir) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("profile", profile);
        env.put("command", String.join(" ", command));
        env.put("mapleak", mapleak(projectDir));
        List<Map<String, Object>> forks = new ArrayList<>();
        jvms.forEach((config, checked) -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("label", config.label());
            j.put("javaHome", config.jdk().home().toString());
            j.put("javaVersion", config.jdk().version());
            j.put("javaVendor", config.jdk().vendor());
            j.put("featureVersion", config.jdk().feature());
            j.put("gc", checked.collector());
            j.put("jvmArgs", config.allArgs());
            // Timing groups (@TimingPass) get these after jvmArgs: a fixed, pre-touched heap (each result's jvmArgs has them too).
            j.put("timingGroupsAppend", TimingGroups.fixedHeapArgs(config.allArgs()));
            j.put("maxHeapBytes", parseLong(checked.finalFlags().get("MaxHeapSize")));
            j.put("useCompactObjectHeaders", "true".equals(checked.finalFlags().get("UseCompactObjectHeaders")));
            j.put("explicitGcInvokesConcurrent", "true".equals(checked.finalFlags().get("ExplicitGCInvokesConcurrent")));
            j.put("disableExplicitGc", "true".equals(checked.finalFlags().get("DisableExplicitGC")));
            j.put("heapAfterGc", ExplicitGc.fromFlags(checked.finalFlags()).unusableReason()
                    .map(r -> "not measurable: " + r).orElse("measured after a settled full GC"));
            j.put("heapSizing", heapSizing(checked.collector(), checked.finalFlags()));
            forks.add(j);
        });
        env.put("jvms", forks);
        env.put("jvmsLeftOut", jvmsLeftOut);
        Map<String, Object> runner = new LinkedHashMap<>();
        runner.put("javaVersion", System.getProperty("java.version"));
        runner.put("javaVendor", System.getProperty("java.vendor"));
        runner.put("javaHome", System.getProperty("java.home"));
        env.put("runner", runner);
        env.put("machine", machine());
        return env;
    }

    /**
     * The flags in effect that decide committed heap and RSS after a GC (src/docs/measuring.md, view 3): the
     * heap's bounds, G1's region size (which rounds humongous tables in heap-after-GC), how much free heap a
     * collector keeps, when ZGC and Shenandoah uncommit, pre-touch and huge pages, and the GC thread counts.
     * A flag this JDK does not have is left out, and so is a collector's own flag under another collector (G1's
     * region size reads 0 under Parallel).
     */
    static Map<String, Object> heapSizing(String collector, Map<String, String> flags) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (String flag : HEAP_SIZING_FLAGS) {
            boolean othersFlag = flag.startsWith("G1") && !collector.equals("G1")
                    || flag.startsWith("Z") && !collector.startsWith("Z")
                    || flag.startsWith("Shenandoah") && !collector.equals("Shenandoah");
            String value = othersFlag ? null : flags.get(flag);
            if (value != null && !value.isEmpty()) {
                h.put(flag, value.matches("-?\\d+") ? (Object) parseLong(value) : value);
            }
        }
        return h;
    }

    static final List<String> HEAP_SIZING_FLAGS = List.of("InitialHeapSize", "MinHeapSize", "MaxHeapSize",
            "G1HeapRegionSize", "MinHeapFreeRatio", "MaxHeapFreeRatio", "UseAdaptiveSizePolicyWithSystemGC",
            "ZUncommit", "ZUncommitDelay", "ShenandoahUncommit", "ShenandoahUncommitDelay", "AlwaysPreTouch",
            "UseTransparentHugePages", "UseLargePages", "ParallelGCThreads", "ConcGCThreads");

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memoryBytes", meminfoBytes("MemTotal"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("transparentHugePages", transparentHugePages(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")));
        return m;
    }

    /**
     * The kernel's transparent-huge-pages mode, the bracketed word of {@code always [madvise] never}: with
     * {@code always}, RSS moves in 2 MiB steps. "unknown" where the file is missing or unreadable.
     */
    static String transparentHugePages(Path file) {
        try {
            var m = java.util.regex.Pattern.compile("\\[(\\w+)]").matcher(Files.readString(file));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Map<String, Object> mapleak(Path projectDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version());
        String commit = git(projectDir, "rev-parse", "HEAD");
        m.put("commit", commit.isEmpty() ? "unknown" : commit);
        m.put("uncommittedChanges", !git(projectDir, "status", "--porcelain", "--untracked-files=no").isEmpty());
        return m;
    }

    static String version() {
        return buildProperties().getProperty("version", "unknown");
    }

    /** mapleak.properties: the build's version and the versions of the measured libraries (filtered by Maven). */
    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/mapleak.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves every version "unknown"
        }
        return p;
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getErrorStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A /proc/meminfo figure ("MemTotal", "MemAvailable") in bytes, or null where there is none. */
    static Long meminfoBytes(String key) {
        return parseKb(firstValue(Path.of("/proc/meminfo"), key + ":"));
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static Long parseKb(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : Long.parseLong(digits) * 1024;
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
