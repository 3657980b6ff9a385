package dev.mapleak.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import dev.mapleak.folder.Metric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The measurements of a run folder, read from JMH's JSON files alone ({@code results/*.json}). A file that
 * cannot be read, is truncated or invalid, or holds a benchmark mapleak does not know is skipped and named
 * in {@link #problems()}; the good files are still read.
 */
public record ResultSet(List<Measurement> measurements, List<String> problems, int filesRead) {

    /** A JMH score with its error and the per-iteration samples behind it. */
    public record Score(double score, double error, String unit, List<Double> samples) {
    }

    /**
     * One benchmark result.
     *
     * @param benchmark short name, {@code LifecycleBenchmark.fill}
     * @param jvm       the JVM label the run gave its forks ({@code default} for one JVM)
     */
    public record Measurement(String benchmark, Map<String, String> params, String jvm, String jdkVersion,
                              String vmName, List<String> jvmArgs, Score primary, Map<String, Score> secondary,
                              String file) {

        public String param(String name) {
            return params.get(name);
        }

        /** A secondary metric by its name in the JSON (JMH's own, such as {@code gc.count}, or a {@link Metric#key()}). */
        public Optional<Score> metric(String name) {
            return Optional.ofNullable(secondary.get(name));
        }

        public Optional<Score> metric(Metric metric) {
            return metric(metric.key());
        }

        /** The score of a secondary metric, or NaN when it was not reported. */
        public double score(String name) {
            Score m = secondary.get(name);
            return m == null ? Double.NaN : m.score();
        }

        public double score(Metric metric) {
            return score(metric.key());
        }

        public boolean has(Metric metric) {
            return secondary.containsKey(metric.key());
        }

        public String method() {
            return benchmark.substring(benchmark.indexOf('.') + 1);
        }
    }

    /** Benchmark classes whose results mapleak knows how to report. */
    static final List<String> KNOWN_PACKAGE = List.of("dev.mapleak.bench.", "dev.mapleak.go.");

    public static ResultSet load(Path resultsDir) {
        List<Measurement> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int read = 0;
        if (!Files.isDirectory(resultsDir)) {
            return new ResultSet(all, List.of(resultsDir + ": no results folder"), 0);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(resultsDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return new ResultSet(all, List.of(resultsDir + ": " + e.getMessage()), 0);
        }
        for (Path file : files) {
            read++;
            try {
                all.addAll(parse(file, Files.readString(file)));
            } catch (IOException e) {
                problems.add(file.getFileName() + ": cannot read: " + e.getMessage());
            } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                     | UnsupportedOperationException | NullPointerException e) {
                problems.add(file.getFileName() + ": " + describe(e));
            }
        }
        return new ResultSet(List.copyOf(all), List.copyOf(problems), read);
    }

    /** Parses one JMH JSON file; throws with a message a person can act on when it is not one. */
    static List<Measurement> parse(Path file, String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("not a JMH result file (expected a JSON array)");
        }
        JsonArray array = root.getAsJsonArray();
        if (array.isEmpty()) {
            throw new IllegalArgumentException("holds no results");
        }
        String jvm = jvmLabel(file.getFileName().toString());
        List<Measurement> out = new ArrayList<>();
        for (JsonElement e : array) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("benchmark")) {
                throw new IllegalArgumentException("not a JMH result file (its array holds " + (e.isJsonObject()
                        ? "an object without a 'benchmark'" : "'" + (e.toString().length() > 40 ? e.toString().substring(0, 40) + "..." : e.toString()) + "'")
                        + " where each result should be an object with a 'benchmark')");
            }
            JsonObject o = e.getAsJsonObject();
            String full = o.get("benchmark").getAsString();
            if (KNOWN_PACKAGE.stream().noneMatch(full::startsWith)) {
                throw new IllegalArgumentException("results of an unknown benchmark '" + full + "'");
            }
            String shortName = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new LinkedHashMap<>();
            if (o.has("params")) {
                o.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
            }
            checkParams(shortName, params);
            Map<String, Score> secondary = new LinkedHashMap<>();
            if (o.has("secondaryMetrics")) {
                o.getAsJsonObject("secondaryMetrics").entrySet()
                        .forEach(m -> secondary.put(m.getKey(), metric(m.getValue().getAsJsonObject())));
            }
            secondary.forEach(ResultSet::checkShowable);
            List<String> jvmArgs = new ArrayList<>();
            if (o.has("jvmArgs")) {
                o.getAsJsonArray("jvmArgs").forEach(a -> jvmArgs.add(a.getAsString()));
            }
            Score primary = metric(o.getAsJsonObject("primaryMetric"));
            checkShowable("primaryMetric", primary);
            out.add(new Measurement(shortName, params, jvm, string(o, "jdkVersion"), string(o, "vmName"),
                    jvmArgs, primary, secondary, file.getFileName().toString()));
        }
        return out;
    }

    /** The runner names files {@code ID.json}, where an ID ends in {@code ,jvm=LABEL} when a run has several JVMs. */
    static String jvmLabel(String fileName) {
        int at = fileName.lastIndexOf(",jvm=");
        if (at < 0) {
            return "default";
        }
        return fileName.substring(at + 5, fileName.length() - ".json".length());
    }

    private static Score metric(JsonObject m) {
        if (m == null) {
            throw new IllegalArgumentException("a result has no primaryMetric");
        }
        List<Double> samples = new ArrayList<>();
        if (m.has("rawData")) {
            for (JsonElement fork : m.getAsJsonArray("rawData")) {
                fork.getAsJsonArray().forEach(v -> samples.add(number(v)));
            }
        }
        return new Score(number(m.get("score")), number(m.get("scoreError")), string(m, "scoreUnit"), samples);
    }

    /**
     * The parameters the tables place a result by: every mapleak benchmark has a subject, a LifecycleBenchmark a
     * value size, and sizes are whole numbers. A result without them cannot be placed in any table.
     */
    static void checkParams(String benchmark, Map<String, String> params) {
        if (params.getOrDefault("subject", "").isBlank()) {
            throw new IllegalArgumentException("a result of " + benchmark + " has no 'subject' parameter; the file is bad data");
        }
        if (benchmark.startsWith("LifecycleBenchmark.") && !params.containsKey("valueSize")) {
            throw new IllegalArgumentException("a result of " + benchmark + " has no 'valueSize' parameter; the file is bad data");
        }
        for (String name : List.of("valueSize", "entries")) {
            String v = params.get(name);
            if (v != null && !v.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(name + " = '" + v + "' is not a whole number; the file is bad data");
            }
        }
    }

    /**
     * The largest figure a result may hold. Beyond 2^53 a double no longer counts whole bytes, no map measured here
     * comes near it (it is 8 PiB), and values near {@code Double.MAX_VALUE} send XChart's axis into an endless loop.
     */
    static final double LARGEST = 0x1p53;

    /**
     * A figure no table or chart can show (not a number, infinite, beyond {@link #LARGEST}, or a negative byte count)
     * makes its whole file bad data: its other figures come from the same broken writer. Only retained.heap.bytes may
     * be negative: it is a difference of two heap readings, and noise can take it a little below zero (the published
     * seed run has start.retained.heap.bytes = -4128).
     */
    static void checkShowable(String name, Score m) {
        boolean bytes = Metric.of(name).map(x -> x.unit().equals("bytes")).orElse(false);
        boolean difference = Metric.of(name).filter(x -> x == Metric.RETAINED_HEAP).isPresent();
        List<Double> values = new ArrayList<>();
        values.add(m.score());
        values.addAll(m.samples());
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " = " + v + " is not a number; the file is bad data");
            }
            if (Math.abs(v) > LARGEST) {
                throw new IllegalArgumentException(name + " = " + v + " is not a measurement (more than 2^53"
                        + (bytes ? " bytes" : "") + "); the file is bad data");
            }
            if (bytes && !difference && v < 0) {
                throw new IllegalArgumentException(name + " = " + v + " is negative, and a byte count cannot be; "
                        + "the file is bad data");
            }
        }
        double error = m.error();
        if (Double.isInfinite(error) || Math.abs(error) > LARGEST) {
            throw new IllegalArgumentException(name + " has an error of " + error + ", beyond what a chart can show; "
                    + "the file is bad data");
        }
    }

    /** JMH writes "NaN" as a string where a number is missing. */
    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        if (e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            return s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
        }
        return e.getAsDouble();
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    private static String describe(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Gson appends a second line with a troubleshooting URL: a problem is one line, and reports link nowhere.
        m = m.lines().findFirst().orElse(m).strip();
        if (e instanceof JsonParseException || m.contains("EOF") || m.contains("Unterminated")) {
            return "invalid or truncated JSON (" + m + ")";
        }
        return m;
    }
}
