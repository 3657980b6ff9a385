package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.report.RemedyCosts.Cost;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Section#REMEDY_COST}: what each strategy costs in time and allocation, from the timing pass alone
 * ({@link RemedyCosts}): median, spread (min–max) and count of its single shots, and the bytes the timed call
 * allocated. The memory groups' phase times are never shown as costs: they are taken with probes armed.
 */
final class RemedyCostSection {

    /** Every benchmark of the timing pass: fill, delete and reclaim. */
    static final String TIMING_PASS = "RemedyCostBenchmark.";

    private RemedyCostSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        RemedyCosts costs = RemedyCosts.of(data.results());
        if (costs.isEmpty()) {
            doc.paragraph("No timing pass in this run (`" + RemedyCosts.BENCHMARK + "`): no time is published as a cost. "
                    + "The lifecycle groups' phase times are single shots taken with memory probes armed (full GCs before the shot, "
                    + "heap resized), a different experiment from a timed one.");
            return;
        }
        doc.paragraph("From the timing pass (`" + RemedyCosts.BENCHMARK + "`), run apart from the memory pass: no memory probe armed, "
                + "the fill and delete in the untimed iteration setup, which ends with a settled full GC; warm-ups before the measured "
                + "single shots; " + heapText(data) + ". **median**, **spread** (min–max) and **n** are over every measured shot of "
                + "every fork (JMH's raw data). **allocated** is " + allocCaption() + ".");
        List<String> bullets = new ArrayList<>(List.of(timedPoints(costs)));
        // where the profile timed fewer points than it measured for memory (fill, delete and reclaim alike)
        bullets.addAll(TimedPoints.sentences(data.results().measurements(), b -> b.startsWith(TIMING_PASS)));
        bullets.add(floorText(costs));
        doc.bullets(bullets);
        // a run timed in both key orders gets a keys column, so its two rows of one point are told apart
        boolean severalKeyOrders = costs.costs().stream().map(c -> c.key().getOrDefault("keys", "")).distinct().count() > 1;
        var t = new ReportDocument.TableBuilder().text("subject").num("value size", "deleteFraction");
        if (severalKeyOrders) {
            t.text("keys");
        }
        t.text("strategy").num("median ms", "spread ms", "n", "allocated");
        boolean severalJvms = costs.costs().stream().map(c -> c.key().get("jvm")).distinct().count() > 1;
        for (Cost c : costs.costs()) {
            if (c.strategy().equals("KEEP")) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(c.subject() + (severalJvms ? " (" + c.key().get("jvm") + ")" : ""),
                    String.valueOf(c.valueSize()), c.deleteFraction()));
            if (severalKeyOrders) {
                cells.add(c.key().getOrDefault("keys", ""));
            }
            cells.addAll(List.of(c.strategy(), costs.timeCell(c), c.spread(), String.valueOf(c.n()),
                    RemedyCosts.bytes(c.allocBytes())));
            t.row(cells);
        }
        doc.table(t.build());
    }

    /** Exactly which window the allocation figure covers. */
    static String allocCaption() {
        return "what the benchmark thread allocated from the end of the untimed setup to the start of the teardown "
                + "(`" + Metric.TIMED_ALLOC.key() + "`, the thread's allocation counter, mean over the measured shots): the timed call "
                + "alone, plus JMH's own few bytes around it, which KEEP's figure shows";
    }

    /** Which subjects, sizes, delete fractions and strategies were timed. */
    static String timedPoints(RemedyCosts costs) {
        return "**Timed points:** " + String.join(", ", distinct(costs, Cost::subject)) + "; value size "
                + String.join(", ", distinct(costs, c -> String.valueOf(c.valueSize()))) + "; deleteFraction "
                + String.join(", ", distinct(costs, Cost::deleteFraction)) + "; strategies "
                + String.join(", ", distinct(costs, Cost::strategy))
                + (distinct(costs, c -> c.key().getOrDefault("keys", "")).size() > 1
                ? "; keys " + String.join(", ", distinct(costs, c -> c.key().getOrDefault("keys", ""))) : "")
                + ". Every other point of the run was measured for memory only.";
    }

    static String floorText(RemedyCosts costs) {
        List<Double> shots = costs.floorShots();
        if (shots.isEmpty()) {
            return "**Floor:** not measured (no KEEP in the timing pass): no time is ranked in " + Section.ADVICE.reference() + ".";
        }
        double floor = costs.floorMs();
        return "**Floor:** KEEP does nothing; its median of " + Format.ms(floor) + " ms ("
                + Format.ms(shots.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)) + "–"
                + Format.ms(shots.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)) + ", n=" + shots.size()
                + ", every KEEP shot) is the cost of timing a call, and it allocates " + RemedyCosts.bytes(costs.floorAllocBytes())
                + ". A median below " + Format.ratio(RemedyCosts.FLOOR_FACTOR) + " the floor (" + Format.ms(RemedyCosts.FLOOR_FACTOR * floor)
                + " ms) is printed \"below the floor\" and never ranked.";
    }

    /** The heap flags the timing forks ran with, read from their results; a fork without a fixed heap is named. */
    static String heapText(RunData data) {
        Set<String> fixed = new LinkedHashSet<>();
        List<String> notFixed = new ArrayList<>();
        for (Measurement m : data.results().measurements()) {
            if (!m.benchmark().equals(RemedyCosts.BENCHMARK)) {
                continue;
            }
            Optional<String> xmx = last(m.jvmArgs(), "-Xmx");
            Optional<String> xms = last(m.jvmArgs(), "-Xms");
            if (xmx.isPresent() && xmx.equals(xms) && m.jvmArgs().contains("-XX:+AlwaysPreTouch")) {
                fixed.add("-Xms" + xms.get() + " -Xmx" + xmx.get() + " -XX:+AlwaysPreTouch");
            } else {
                notFixed.add(m.file());
            }
        }
        String text = fixed.isEmpty() ? "" : "forks on a fixed, pre-touched heap (`" + String.join("`, `", fixed) + "`)";
        if (!notFixed.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + "**" + notFixed.size() + " result(s) ran without a fixed heap** (no -Xms = -Xmx "
                    + "with -XX:+AlwaysPreTouch in their jvmArgs), so a shot may include heap growth";
        }
        return text;
    }

    static Optional<String> last(List<String> args, String prefix) {
        Optional<String> v = Optional.empty();
        for (String a : args) {
            if (a.startsWith(prefix)) {
                v = Optional.of(a.substring(prefix.length()));
            }
        }
        return v;
    }

    private static List<String> distinct(RemedyCosts costs, java.util.function.Function<Cost, String> f) {
        return costs.costs().stream().map(f).distinct().toList();
    }
}
