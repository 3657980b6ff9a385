package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import dev.mapleak.measure.JvmFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVM a group's forks run on: a JDK and the flags it is started with. {@link #check()} launches it
 * once with those flags, so a flag the JDK refuses stops the run before anything is measured, and reads
 * back which collector the flags select.
 *
 * @param label   "default", or e.g. "jdk25-g1-tuned" when a profile runs several JVMs
 * @param jvmArgs heap, GC and profile flags (JMH's {@code jvmArgs})
 */
public record JvmConfig(String label, Jdk jdk, List<String> jvmArgs) {

    /**
     * What every fork gets after the profile's flags (JMH's {@code jvmArgsAppend}), recorded with every result:
     * {@code -XX:+ExitOnOutOfMemoryError}, so a fork that runs out of heap dies at once and is recorded as failed
     * instead of leaving JMH's worker thread dead and the host waiting for the iteration's timeout; and the flags
     * JOL needs on this JDK, computed per JDK and never mixed up.
     */
    public List<String> measurementArgs() {
        List<String> args = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
        args.addAll(JvmFlags.forJol(jdk.feature(), jvmArgs));
        args.addAll(JvmFlags.javaAgent(JvmFlags.ownJar()));
        return args;
    }

    /** Every flag a fork gets, in order. */
    public List<String> allArgs() {
        List<String> all = new ArrayList<>(jvmArgs);
        all.addAll(measurementArgs());
        return all;
    }

    /**
     * The JDK refused a flag that selects a collector: its build does not have that collector. Not a
     * {@link UsageException}: the runner leaves such a JVM out instead of stopping.
     */
    public static final class CollectorMissing extends RuntimeException {
        CollectorMissing(String message) {
            super(message);
        }
    }

    /** What launching this JVM with its flags reports: the collector and the flags in effect. */
    public record Checked(String collector, Map<String, String> finalFlags) {
    }

    /**
     * Starts {@code java <flags> -XX:+PrintFlagsFinal -version}; a JDK that refuses a flag gives a
     * {@link UsageException} quoting its own message, or {@link CollectorMissing} when the flag selects a
     * collector its build lacks.
     */
    public Checked check() {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(allArgs());
        cmd.add("-XX:+PrintFlagsFinal");
        cmd.add("-version");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UsageException("JDK " + jdk.describe() + " did not start within 60 s with " + String.join(" ", allArgs()));
            }
            if (p.exitValue() != 0) {
                String reason = reason(out, p.exitValue());
                if (refusesCollector(reason, jvmArgs)) {
                    throw new CollectorMissing("JDK " + jdk.describe() + " has no such collector: " + reason);
                }
                throw new UsageException("JDK " + jdk.describe() + " refuses the flags of JVM '" + label + "' ("
                        + String.join(" ", jvmArgs) + "): " + reason + hint(reason));
            }
            Map<String, String> flags = parseFlagsFinal(out);
            return new Checked(collector(flags), flags);
        } catch (IOException e) {
            throw new UsageException("cannot start " + jdk.java() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while checking JDK " + jdk.describe());
        }
    }

    /** HotSpot's lines that say only that something went wrong, never what. */
    private static final List<String> GENERIC = List.of("Error occurred during initialization of VM",
            "Error: Could not create the Java Virtual Machine.", "Error: A fatal exception has occurred. Program will exit.");

    /**
     * The lines of a refused start that say why, joined: HotSpot prints "Error occurred during initialization of
     * VM" first and the reason ("Too small maximum heap") on the next line.
     */
    static String reason(String output, int exitStatus) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty() && !GENERIC.contains(l)).toList();
        return lines.isEmpty() ? "exit status " + exitStatus + " and no reason given" : String.join(" ", lines);
    }

    /** What to change, when the JVM's own words leave it to the reader. */
    static String hint(String reason) {
        if (reason.contains("-XX:+UnlockExperimentalVMOptions")) {
            return " (add -XX:+UnlockExperimentalVMOptions to jvmArgs, before the flag that needs it)";
        }
        if (reason.contains("-XX:+UnlockDiagnosticVMOptions")) {
            return " (add -XX:+UnlockDiagnosticVMOptions to jvmArgs, before the flag that needs it)";
        }
        return "";
    }

    /**
     * Whether a JVM's refusal is about a {@code -XX:+Use...GC} flag among {@code args} that the build lacks:
     * HotSpot says "Unrecognized VM option 'UseShenandoahGC'" where a build leaves a collector out, or that the
     * option is not supported in this VM. A collector that is present but locked (Epsilon is experimental) is not
     * missing: the profile must unlock it.
     */
    static boolean refusesCollector(String errorLine, List<String> args) {
        if (errorLine.contains("must be enabled via -XX:+Unlock")) {
            return false;
        }
        for (String a : args) {
            if (JvmFlags.COLLECTOR_FLAGS.contains(a)) {
                String name = a.substring("-XX:+".length());
                if (errorLine.contains("'" + name + "'") || errorLine.contains(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code -XX:+PrintFlagsFinal} lines: "     bool UseG1GC                                  = true   {product} {ergonomic}". */
    static Map<String, String> parseFlagsFinal(String output) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[2].equals("=")) {
                // an empty ccstr leaves "{product} {default}" where the value would be
                flags.put(parts[1], parts[3].startsWith("{") ? "" : parts[3]);
            } else if (parts.length == 3 && parts[2].equals("=")) {
                flags.put(parts[1], "");
            }
        }
        return flags;
    }

    static String collector(Map<String, String> flags) {
        for (String gc : List.of("UseG1GC", "UseParallelGC", "UseSerialGC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC")) {
            if ("true".equals(flags.get(gc))) {
                String name = gc.substring(3, gc.length() - 2);
                if (gc.equals("UseZGC") && "true".equals(flags.get("ZGenerational"))) {
                    name += " (generational)";
                }
                return name;
            }
        }
        return "unknown";
    }
}
