package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.io.IOException;
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
 * @param params parameter name → values, only for the parameters the profile sets (others keep the
 *               benchmark's defaults)
 * @param lines  key → line number in the file, to point at the line of a bad value
 */
public record Profile(String name, String text, String description, List<String> benchmarks,
                      Map<String, List<String>> params, Settings settings, Map<String, Integer> lines) {

    /**
     * JMH and JVM settings of a profile; parameters are everything else.
     *
     * @param jdks     JDKs to fork ("default" = the one running mapleak, a feature version such as 25, or a home;
     *                 a trailing {@code ?} makes one optional: left out with a line when not installed)
     * @param variants named sets of extra JVM flags ({@code variant.g1-tuned = -XX:+UseG1GC ...}); every
     *                 combination runs once per JDK and variant
     */
    public record Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                           int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants, Timing timing) {

        /** Settings with the default timing pass. */
        public Settings(int forks, int warmupIterations, int iterations, String heap, List<String> jvmArgs,
                        int timeoutMinutes, List<String> jdks, Map<String, List<String>> variants) {
            this(forks, warmupIterations, iterations, heap, jvmArgs, timeoutMinutes, jdks, variants, Timing.DEFAULT);
        }
    }

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
    public static final String TIMING_FORKS = "timing.forks";
    public static final String TIMING_WARMUPS = "timing.warmupIterations";
    public static final String TIMING_ITERATIONS = "timing.iterations";
    public static final Set<String> SETTINGS = Set.of(DESCRIPTION, BENCHMARKS, FORKS, WARMUPS, ITERATIONS, HEAP,
            JVM_ARGS, TIMEOUT, JDKS, TIMING_FORKS, TIMING_WARMUPS, TIMING_ITERATIONS);

    static boolean isSetting(String key) {
        return SETTINGS.contains(key) || key.startsWith(VARIANT_PREFIX);
    }

    /** Loads {@code profiles/NAME.properties}; an unknown name lists the known ones. */
    public static Profile load(Path profilesDir, String name) {
        Path file = profilesDir.resolve(name + ".properties");
        if (!name.matches("[A-Za-z0-9_.-]+") || !Files.isRegularFile(file)) {
            throw new UsageException("unknown profile '" + name + "'; valid profiles: " + String.join(", ", names(profilesDir)));
        }
        try {
            return parse(name, Files.readString(file), profilesDir.getFileName().resolve(file.getFileName()).toString());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
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
                throw new UsageException(where + ":" + lineNo + ": expected 'key = value', got '" + row + "'");
            }
            String key = row.substring(0, eq).strip();
            String value = row.substring(eq + 1).strip();
            if (!key.matches("[A-Za-z][A-Za-z0-9_.]*") && !key.matches(VARIANT_PREFIX.replace(".", "\\.") + "[A-Za-z0-9-]+")) {
                throw new UsageException(where + ":" + lineNo + ": '" + key + "' is not a valid key");
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
                new Timing(r.integer(TIMING_FORKS, Timing.DEFAULT.forks(), Timing.MIN_FORKS),
                        r.integer(TIMING_WARMUPS, Timing.DEFAULT.warmupIterations(), 1),
                        r.integer(TIMING_ITERATIONS, Timing.DEFAULT.iterations(), Timing.MIN_ITERATIONS)));
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
        return new Profile(name, text, description, benchmarks, params, settings, lines);
    }

    /** "profiles/quick.properties:7" for a key's line, or the file alone. */
    public String where(String key) {
        Integer line = lines.get(key);
        return "profiles/" + name + ".properties" + (line == null ? "" : ":" + line);
    }

    /** A copy with some parameters replaced (from {@code -p name=v1,v2} after {@code --}). */
    public Profile withParams(Map<String, List<String>> overrides) {
        Map<String, List<String>> merged = new LinkedHashMap<>(params);
        // An override applies to every benchmark: it also replaces the profile's scoped values of that parameter.
        overrides.keySet().forEach(o -> merged.keySet().removeIf(k -> k.endsWith("." + o)));
        merged.putAll(overrides);
        return new Profile(name, text, description, benchmarks, merged, settings, lines);
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
                    throw new UsageException(at(key) + ": empty item in the list '" + v + "'");
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

        String heap(String key, String fallback) {
            String v = values.getOrDefault(key, fallback);
            if (!v.matches("[1-9][0-9]*[kKmMgG]?")) {
                throw new UsageException(at(key) + ": heap must be a -Xmx size such as 512m or 4g, got '" + v + "'");
            }
            return v;
        }
    }
}
