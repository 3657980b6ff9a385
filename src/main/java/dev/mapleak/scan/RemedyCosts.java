package dev.mapleak.scan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each remedy cost in a mapleak run: the timing pass's {@code RemedyCostBenchmark.reclaim} results (JMH JSON in
 * the run folder's {@code results/}) for strategy REBUILD or TRIM; in a run without a timing pass, the older
 * {@code LifecycleBenchmark.reclaim} groups' single shots. Read here directly, minimally: only the fields needed.
 */
public final class RemedyCosts {

    /** One measured remedy: JMH's primary score (time per reclaim) and the parameters it was measured at. */
    public record Cost(String subject, String strategy, int entries, double deleteFraction, int valueSize,
                       double score, String unit) {

        /** The cost per map and for {@code maps} maps, with what was measured. */
        public String describe(int maps) {
            return String.format(Locale.ROOT, "%.3g %s per map, %.3g %s for %,d map%s (%s %s measured after %,d entries, "
                    + "%.0f%% deleted, %d-byte values)", score, unit, score * maps, unit.replace("/op", ""), maps,
                    maps == 1 ? "" : "s",
                    subject, strategy, entries, deleteFraction * 100, valueSize);
        }
    }

    /** The timing pass's remedy times: warm, on a settled fixed heap, several shots (what a cost should be). */
    static final String TIMING_PASS = "RemedyCostBenchmark.reclaim";
    /** A reclaim group's single cold shot, from runs made before the timing pass existed. */
    static final String ONE_SHOT = "LifecycleBenchmark.reclaim";

    private final List<Cost> costs;
    private final int skipped;
    private final Path folder;

    private RemedyCosts(Path folder, List<Cost> costs, int skipped) {
        this.folder = folder;
        this.costs = costs;
        this.skipped = skipped;
    }

    /** Reads a run folder; a missing folder or one without results is bad input. */
    public static RemedyCosts load(Path runDir) {
        Path results = runDir.resolve("results");
        if (!Files.isDirectory(runDir)) {
            throw new UsageException("--costs " + runDir + ": no such run folder");
        }
        if (!Files.isDirectory(results)) {
            throw new UsageException("--costs " + runDir + ": not a mapleak run folder (no results/ folder)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("--costs " + runDir + ": cannot list results/: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UsageException("--costs " + runDir + ": results/ holds no JMH result files");
        }
        List<Cost> timed = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        int skipped = 0;
        for (Path f : files) {
            try {
                JsonElement root = JsonParser.parseString(Files.readString(f));
                for (JsonElement e : root.getAsJsonArray()) {
                    JsonObject o = e.getAsJsonObject();
                    String benchmark = o.get("benchmark").getAsString();
                    boolean timingPass = benchmark.endsWith(TIMING_PASS);
                    if (!timingPass && !benchmark.endsWith(ONE_SHOT)) {
                        continue;
                    }
                    JsonObject p = o.getAsJsonObject("params");
                    String strategy = p.get("strategy").getAsString();
                    if (!strategy.equals("REBUILD") && !strategy.equals("TRIM")) {
                        continue;
                    }
                    JsonObject primary = o.getAsJsonObject("primaryMetric");
                    (timingPass ? timed : costs).add(new Cost(p.get("subject").getAsString(), strategy, p.get("entries").getAsInt(),
                            p.get("deleteFraction").getAsDouble(), p.get("valueSize").getAsInt(),
                            primary.get("score").getAsDouble(), primary.get("scoreUnit").getAsString()));
                }
            } catch (IOException | RuntimeException e) {
                skipped++; // a broken or foreign file: its costs are missing, the others still count
            }
        }
        return new RemedyCosts(runDir, List.copyOf(timed.isEmpty() ? costs : timed), skipped);
    }

    public Path folder() {
        return folder;
    }

    public int count() {
        return costs.size();
    }

    public int skipped() {
        return skipped;
    }

    /**
     * The measured cost of this kind's remedy at the measured size nearest (on a log scale) to the map's table
     * capacity; among equals, the most deleted and the smallest values. A library's TRIM that the run did not
     * measure falls back to its REBUILD (the cost names the strategy it is). Empty when neither was measured.
     */
    public Optional<Cost> nearest(MapKind kind, long slots) {
        if (kind.costSubject() == null) {
            return Optional.empty();
        }
        Optional<Cost> own = nearest(kind.costSubject(), kind.costStrategy(), slots);
        return own.isPresent() ? own : nearest(kind.costSubject(), "REBUILD", slots);
    }

    private Optional<Cost> nearest(String subject, String strategy, long slots) {
        double target = Math.log(Math.max(1, slots));
        return costs.stream()
                .filter(c -> c.subject().equals(subject) && c.strategy().equals(strategy))
                .min(Comparator.<Cost>comparingDouble(c -> Math.abs(Math.log(c.entries()) - target))
                        .thenComparing(Comparator.comparingDouble(Cost::deleteFraction).reversed())
                        .thenComparingInt(Cost::valueSize));
    }
}
