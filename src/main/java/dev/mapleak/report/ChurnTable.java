package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The table of a benchmark that records what its map retains beside its time ({@code ChurnBenchmark}): the score
 * as median and range, then the footprint the timed work left (JOL), its smallest and largest over the cycle
 * where the run sampled them, heap after GC, and for the Go model the same three of its Go figure
 * ({@code retained.go.bytes}), so that GO_HYBRID's Go figure stands beside its Java one. A column appears when
 * some row has its metric; a row without it shows a dash.
 */
final class ChurnTable {

    private ChurnTable() {
    }

    /** Whether {@code ms} are results of this kind: they carry the JOL footprint. */
    static boolean applies(List<Measurement> ms) {
        return ms.stream().anyMatch(m -> m.has(Metric.RETAINED_JOL));
    }

    /**
     * What one sample timed and where the footprint was read, from the results alone: the rollovers per shot
     * ({@link Metric#CHURN_ROLLOVERS}) and the parameters {@code rounds}, {@code entries} and {@code depths}. Empty
     * for results made before the churn timed a fixed count (they timed a 1 s loop).
     */
    static String caption(List<Measurement> ms) {
        Measurement m = ms.stream().filter(x -> x.has(Metric.CHURN_ROLLOVERS)).findFirst().orElse(null);
        if (m == null) {
            return "";
        }
        long rollovers = Math.round(m.score(Metric.CHURN_ROLLOVERS));
        String rounds = m.params().getOrDefault("rounds", "?");
        String entries = m.params().getOrDefault("entries", "?");
        String depths = m.params().get("depths");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Each sample is one timed shot of exactly %,d rollovers (put a new key, remove the oldest), after %s untimed rounds of %s rollovers on a new map; the score is ns per rollover.",
                rollovers, rounds, entries.matches("\\d+") ? Format.count(Long.parseLong(entries)) : entries));
        s.append(" Retained memory: \"last\" is the state the timed shot left (every probe)");
        if (depths != null && ms.stream().anyMatch(x -> x.has(Metric.RETAINED_JOL_MIN))) {
            s.append("; min and max are the smallest and largest JOL footprint (and Go figure) over that state and ")
                    .append(depths).append(" evenly spaced points of one more round, rolled untimed after the shot");
        }
        return s.append('.').toString();
    }

    static ReportDocument.Table build(List<Measurement> ms, List<String> varying, Function<Measurement, List<String>> keyCells) {
        boolean min = ms.stream().anyMatch(m -> m.has(Metric.RETAINED_JOL_MIN));
        boolean heap = ms.stream().anyMatch(m -> m.has(Metric.RETAINED_HEAP));
        boolean go = ms.stream().anyMatch(m -> m.has(Metric.RETAINED_GO));
        boolean goMin = ms.stream().anyMatch(m -> m.has(Metric.RETAINED_GO_MIN));
        var t = new ReportDocument.TableBuilder();
        varying.forEach(t::text);
        t.num("score");
        t.num(min ? "JOL last" : "retained (JOL)");
        if (min) {
            t.num("JOL min", "JOL max");
        }
        if (heap) {
            t.num("heap after GC");
        }
        if (go) {
            t.num(goMin ? "Go last" : "Go model");
        }
        if (goMin) {
            t.num("Go min", "Go max");
        }
        for (Measurement m : ms) {
            List<String> cells = new ArrayList<>(keyCells.apply(m));
            cells.add(Spread.of(m.primary()).cell());
            cells.add(bytes(m, Metric.RETAINED_JOL));
            if (min) {
                cells.add(bytes(m, Metric.RETAINED_JOL_MIN));
                cells.add(bytes(m, Metric.RETAINED_JOL_MAX));
            }
            if (heap) {
                cells.add(bytes(m, Metric.RETAINED_HEAP));
            }
            if (go) {
                cells.add(bytes(m, Metric.RETAINED_GO));
            }
            if (goMin) {
                cells.add(bytes(m, Metric.RETAINED_GO_MIN));
                cells.add(bytes(m, Metric.RETAINED_GO_MAX));
            }
            t.row(cells);
        }
        return t.build();
    }

    /** A memory metric as median (range, n) when its samples differ, else its one value; a dash when absent. */
    private static String bytes(Measurement m, Metric metric) {
        return m.metric(metric).map(s -> Spread.of(s).bytes()).orElse(Format.MISSING);
    }
}
