package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import dev.mapleak.gorun.GoMode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A named run: which benchmarks, which parameter values, which JMH settings and JVM flags. One small text
 * file under {@code profiles/}, {@code key = value} per line, {@code #} comments, lists separated by commas.
 * Keys are either settings (below) or JMH parameter names of the profile's benchmarks.
 *
 * @param params           parameter name → values, only for the parameters the profile sets (others keep the
 *                         benchmark's defaults)
 * @param lines            key → line number in the file, to point at the line of a bad value
 * @param measuredWallTime how long a whole run of the profile took when it was last timed, with when and where
 *                         ("3m04s (2026-11-24, 2 cores)"), or {@link #NOT_MEASURED}
 * @param commandLine      the parameters replaced by {@code -p} on the command line: their messages name the
 *                         command line, not the profile file
 */
public record Profile(String name, String text, String description, List<String> benchmarks,
                      Map<String, List<String>> params, Settings settings, Map<String, Integer> lines,
                      String measuredWallTime, Set<String> commandLine) {

    /**
     * JMH and JVM settings of a profile; parameters are everything else.
     *
     * @param jdks     JDKs to fork ("default" = the one running mapleak, a feature version such as 25, or a home;
     *                 a trailing {@code ?} makes one optional: left out with a line when not installed)
     * @param variants named sets of extra JVM flags ({@code variant.g1-tuned = -XX:+UseG1GC ...}); every
     *                 combination runs once per JDK and variant
     * @param go       whether the lifecycle also runs on Go's own maps (subject GO_RUNTIME, {@link GoMode})
     * @param jobs     how many memory groups run at once ({@code jobs = N}), or {@link #JOBS_CORES} for the
     *                 number of cores; {@code --jobs} on the command line overrides it
     * @param byClass  benchmark class ({@code OperationsBenchmark}) → the run counts the profile sets for its groups
     *                 alone ({@code OperationsBenchmark.forks = 1}), see {@link TimingGroups#forks}
     */
    public record Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                           int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants, GoMode go, Timing timing,
                           int jobs, Map<String, ClassRuns> byClass) {

        /** Settings with no per-class run counts. */
        public Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                        int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants, GoMode go, Timing timing,
                        int jobs) {
            this(forks, warmupIterations, iterations, heap, jvmArgs, timeoutMinutes, jdks, variants, go, timing, jobs, Map.of());
        }

        /** What the profile sets for {@code benchmarkClass}'s groups alone ({@link ClassRuns#NONE} when nothing). */
        public ClassRuns runsOf(String benchmarkClass) {
            return byClass.getOrDefault(benchmarkClass, ClassRuns.NONE);
        }

        /** Settings with the default timing pass and as many jobs as cores. */
        public Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                        int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants, GoMode go) {
            this(forks, warmupIterations, iterations, heap, jvmArgs, timeoutMinutes, jdks, variants, go, Timing.DEFAULT);
        }

        /** Settings with as many jobs as cores. */
        public Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                        int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants, GoMode go, Timing timing) {
            this(forks, warmupIterations, iterations, heap, jvmArgs, timeoutMinutes, jdks, variants, go, timing, JOBS_CORES);
        }
    }

    /** {@code jobs} not set: as many memory groups at once as this machine has cores. */
    public static final int JOBS_CORES = 0;

    /**
     * How timing groups ({@code @TimingPass} benchmarks, whose times are published as costs) run, apart from the
     * memory groups' {@code forks}/{@code warmupIterations}/{@code iterations}: a median and spread need several
     * shots, and shots from more than one fork show how much a JVM's luck moves them. At least
     * {@value #MIN_FORKS} forks and {@value #MIN_ITERATIONS} measured shots (the report ranks nothing on fewer).
     */
    public record Timing(int forks, int warmupIterations, int iterations) {
        public static final int MIN_FORKS = 2;
        public static final int MIN_ITERATIONS = 5;
        public static final Timing DEFAULT = new Timing(2, 3, 5);
    }

    public static final String DESCRIPTION = "description";
    public static final String BENCHMARKS = "benchmarks";
    public static final String FORKS = "forks";
    public static final String WARMUPS = "warmupIterations";
    public static final String ITERATIONS = "iterations";
    public static final String HEAP = "heap";
    public static final String JVM_ARGS = "jvmArgs";
    public static final String TIMEOUT = "timeoutMinutes";
    public static final String JDKS = "jdks";
    public static final String VARIANT_PREFIX = "variant.";
    public static final String GO = "go";
    public static final String TIMING_FORKS = "timing.forks";
    public static final String TIMING_WARMUPS = "timing.warmupIterations";
    public static final String TIMING_ITERATIONS = "timing.iterations";
    /** How many memory groups run at once ({@link Settings#jobs()}). */
    public static final String JOBS = "jobs";
    /** Not a JMH setting: what {@code --list} shows as the profile's measured wall time. */
    public static final String MEASURED_WALL_TIME = "measuredWallTime";
    public static final String NOT_MEASURED = "not measured";
    public static final Set<String> SETTINGS = Set.of(DESCRIPTION, BENCHMARKS, FORKS, WARMUPS, ITERATIONS, HEAP,
            JVM_ARGS, TIMEOUT, JDKS, GO, MEASURED_WALL_TIME, TIMING_FORKS, TIMING_WARMUPS, TIMING_ITERATIONS, JOBS);
    /** UTF-8's byte-order mark, which some editors put first in a file; never part of the first key. */
    private static final char BOM = '\uFEFF';

    static boolean isSetting(String key) {
        return SETTINGS.contains(key) || key.startsWith(VARIANT_PREFIX) || classRunsKey(key);
    }

    /**
     * Whether {@code key} sets a run count for one benchmark class or method ({@code OperationsBenchmark.forks},
     * {@code OperationsBenchmark.getHit.forks}; only the first is accepted): no benchmark has a parameter of these
     * names, so such a key is never a parameter.
     */
    static boolean classRunsKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && !SETTINGS.contains(key) && ClassRuns.KEYS.contains(key.substring(dot + 1));
    }

    /** Loads {@code profiles/NAME.properties}; an unknown name lists the known ones. */
    public static Profile load(Path profilesDir, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || !Files.isRegularFile(profilesDir.resolve(name + ".properties"))) {
            throw new UsageException("unknown profile " + Quote.of(name) + "; valid profiles: "
                    + String.join(", ", names(profilesDir)));
        }
        Path file = profilesDir.resolve(name + ".properties");
        String where = profilesDir.getFileName().resolve(file.getFileName()).toString();
        try {
            return parse(name, utf8(Files.readAllBytes(file), where), where);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A profile's bytes as text; bytes that are not UTF-8 are refused with the line they are on. */
    static String utf8(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            int bad = lenient.indexOf('\uFFFD');
            long line = bad < 0 ? 1 : lenient.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
            throw new UsageException(where + ":" + line + ": not UTF-8 text (saved in another encoding, such as"
                    + " Latin-1?); save the profile as UTF-8");
        }
    }

    /** Every profile name under {@code profilesDir}, sorted. */
    public static List<String> names(Path profilesDir) {
        try (var files = Files.list(profilesDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".properties"))
                    .map(f -> f.substring(0, f.length() - ".properties".length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UsageException("cannot list profiles in " + profilesDir + ": " + e.getMessage());
        }
    }

    /**
     * Parses a profile's text. {@code where} names the file in messages ("profiles/quick.properties").
     * Syntax errors name the line.
     */
    public static Profile parse(String name, String text, String where) {
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            int lineNo = i + 1;
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            int eq = row.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(where + ":" + lineNo + ": expected 'key = value', got " + Quote.of(row));
            }
            String key = row.substring(0, eq).strip();
            String value = row.substring(eq + 1).strip();
            if (!key.matches("[A-Za-z][A-Za-z0-9_.]*") && !key.matches(VARIANT_PREFIX.replace(".", "\\.") + "[A-Za-z0-9-]+")) {
                throw new UsageException(where + ":" + lineNo + ": " + Quote.of(key) + " is not a valid key");
            }
            if (values.containsKey(key)) {
                throw new UsageException(where + ":" + lineNo + ": '" + key + "' is set twice (first on line "
                        + lines.get(key) + ")");
            }
            values.put(key, value);
            lines.put(key, lineNo);
        }
        Reader r = new Reader(values, lines, where);
        String description = r.string(DESCRIPTION, "");
        if (description.isEmpty()) {
            throw new UsageException(where + ": needs a 'description = ...' line");
        }
        List<String> benchmarks = r.list(BENCHMARKS, List.of());
        if (benchmarks.isEmpty()) {
            throw new UsageException(where + ": needs a 'benchmarks = ...' line (e.g. benchmarks = LifecycleBenchmark)");
        }
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (key.startsWith(VARIANT_PREFIX)) {
                String variant = key.substring(VARIANT_PREFIX.length());
                if (!variant.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
                    throw new UsageException(r.at(key) + ": a variant name is letters, digits and '-', got '" + variant + "'");
                }
                variants.put(variant, r.words(key));
            }
        }
        Settings settings = new Settings(
                r.integer(FORKS, 1, 0),
                r.integer(WARMUPS, 1, 0),
                r.integer(ITERATIONS, 1, 1),
                r.heap(HEAP, "4g"),
                r.words(JVM_ARGS),
                r.integer(TIMEOUT, 10, 1),
                r.list(JDKS, List.of("default")),
                java.util.Collections.unmodifiableMap(variants),
                r.goMode(GO),
                new Timing(r.integer(TIMING_FORKS, Timing.DEFAULT.forks(), Timing.MIN_FORKS),
                        r.integer(TIMING_WARMUPS, Timing.DEFAULT.warmupIterations(), 1),
                        r.integer(TIMING_ITERATIONS, Timing.DEFAULT.iterations(), Timing.MIN_ITERATIONS)),
                r.integer(JOBS, JOBS_CORES, 1),
                classRuns(values.keySet(), r));
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (!isSetting(key)) {
                List<String> list = r.list(key, List.of());
                if (list.isEmpty()) {
                    throw new UsageException(where + ":" + lines.get(key) + ": '" + key + "' has no value");
                }
                params.put(key, list);
            }
        }
        String wallTime = r.string(MEASURED_WALL_TIME, NOT_MEASURED);
        if (!wallTime.matches("(not measured|(about )?[0-9]+(h[0-9]{2}m|m[0-9]{2}s|m|s))([ ,;(].*)?")) {
            throw new UsageException(r.at(MEASURED_WALL_TIME) + ": " + MEASURED_WALL_TIME + " starts with a time such as"
                    + " 3m04s, 1h05m or 'about 16m', or is 'not measured'; got " + Quote.of(wallTime));
        }
        return new Profile(name, text, description, benchmarks, params, settings, lines, wallTime, Set.of());
    }

    /**
     * The per-class run counts ({@code OperationsBenchmark.forks = 1}): a whole number, forks at least 1 (0 would
     * measure in the runner's own JVM, {@link ForkCount}), iterations at least 1, warm-ups at least 0. Whether the
     * class is one of the profile's, and a timing class's minimums, are checked with the benchmarks
     * ({@link TimingGroups#checkClassRuns}).
     */
    private static Map<String, ClassRuns> classRuns(Set<String> keys, Reader r) {
        Map<String, ClassRuns> byClass = new java.util.TreeMap<>();
        for (String key : keys) {
            if (!classRunsKey(key)) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String scope = key.substring(0, dot);
            String count = key.substring(dot + 1);
            if (scope.contains(".")) {
                throw new UsageException(r.at(key) + ": '" + key + "': run counts are set per benchmark class ("
                        + scope.substring(0, scope.indexOf('.')) + "." + count + "), not per method");
            }
            int min = count.equals(WARMUPS) ? 0 : 1;
            byClass.put(scope, byClass.getOrDefault(scope, ClassRuns.NONE).with(count, r.integer(key, 0, min)));
        }
        return java.util.Collections.unmodifiableMap(byClass);
    }

    /** "profiles/quick.properties:7" for a key's line, or the file alone. */
    public String where(String key) {
        if (commandLine.contains(key)) {
            return "-p " + Quote.cut(key + "=" + String.join(",", params.get(key))) + " on the command line";
        }
        Integer line = lines.get(key);
        return "profiles/" + name + ".properties" + (line == null ? "" : ":" + line);
    }

    /** A copy with some parameters replaced (from {@code -p name=v1,v2} after {@code --}). */
    public Profile withParams(Map<String, List<String>> overrides) {
        Map<String, List<String>> merged = new LinkedHashMap<>(params);
        // An override applies to every benchmark: it also replaces the profile's scoped values of that parameter.
        overrides.keySet().forEach(o -> merged.keySet().removeIf(k -> k.endsWith("." + o)));
        merged.putAll(overrides);
        Set<String> fromCommandLine = new TreeSet<>(commandLine);
        fromCommandLine.addAll(overrides.keySet());
        return new Profile(name, text, description, benchmarks, merged, settings, lines, measuredWallTime,
                Set.copyOf(fromCommandLine));
    }

    /** The settings keys, for messages. */
    static String settingNames() {
        return String.join(", ", new TreeSet<>(SETTINGS)) + ", " + VARIANT_PREFIX + "NAME";
    }

    private record Reader(Map<String, String> values, Map<String, Integer> lines, String where) {

        String at(String key) {
            return where + ":" + lines.get(key);
        }

        String string(String key, String fallback) {
            return values.getOrDefault(key, fallback);
        }

        List<String> list(String key, List<String> fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            List<String> items = new ArrayList<>();
            for (String item : v.split(",")) {
                String s = item.strip();
                if (s.isEmpty()) {
                    throw new UsageException(at(key) + ": empty item in the list " + Quote.of(v));
                }
                if (items.contains(s)) {
                    // Each value would run its groups twice, the second run overwriting the first one's results.
                    throw new UsageException(at(key) + ": " + Quote.of(s) + " is listed twice in '" + key + "'");
                }
                items.add(s);
            }
            return List.copyOf(items);
        }

        List<String> words(String key) {
            String v = values.get(key);
            return v == null || v.isBlank() ? List.of() : Arrays.asList(v.strip().split("\\s+"));
        }

        int integer(String key, int fallback, int min) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(at(key) + ": " + key + " must be a whole number >= " + min + ", got '" + v + "'");
        }

        GoMode goMode(String key) {
            String v = values.get(key);
            try {
                return v == null ? GoMode.OFF : GoMode.parse(v);
            } catch (IllegalArgumentException e) {
                throw new UsageException(at(key) + ": " + e.getMessage());
            }
        }

        String heap(String key, String fallback) {
            String v = values.getOrDefault(key, fallback);
            if (!v.matches("[1-9][0-9]*[kKmMgG]?")) {
                throw new UsageException(at(key) + ": heap must be a -Xmx size such as 512m or 4g, got " + Quote.of(v));
            }
            if (HeapPreflight.parseSize(v).isEmpty()) {
                throw new UsageException(at(key) + ": heap " + Quote.of(v) + " is more bytes than a JVM can address"
                        + " (at most " + (Long.MAX_VALUE >> 30) + "g); give the -Xmx size the forks should get, such as 4g");
            }
            return v;
        }
    }
}
