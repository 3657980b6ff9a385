package dev.mapleak.report;

import java.util.List;

/**
 * The report's title, which says what was measured ("mapleak: memory Java maps keep after deleting all 1,000,000
 * entries — 11 maps, 64–256 B values, JDK 17.0.15, G1"), built from the run's own data, and the line under it that
 * names the run folder, profile and date.
 */
final class ReportTitle {

    private ReportTitle() {
    }

    static String of(RunData data) {
        Scenario s = data.seed();
        String jvm = jvms(data.info());
        if (s.subjects().isEmpty()) {
            List<String> benchmarks = data.results().measurements().stream().map(m -> m.benchmark().split("\\.")[0]).distinct().toList();
            return "mapleak: " + (benchmarks.isEmpty() ? "no results" : String.join(", ", benchmarks)) + " of Java maps"
                    + (jvm.isEmpty() ? "" : " — " + jvm);
        }
        // Go's own maps, measured, sit beside the Java maps; the title counts the maps in Java and names Go apart
        List<String> subjects = data.table().rows().stream().map(LifecycleTable.Row::subject).distinct().toList();
        long goMeasured = subjects.stream().filter(x -> Provenance.of(data.table().subjects().find(x)) == Provenance.GO_RUNTIME).count();
        long maps = subjects.size() - goMeasured;
        return "mapleak: memory Java maps keep " + afterDeleting(data, s) + " — " + maps + " map" + (maps == 1 ? "" : "s")
                + (goMeasured > 0 ? " and Go's own, measured" : "")
                + ", " + KeyFindings.sizeRange(s) + " values" + (jvm.isEmpty() ? "" : ", " + jvm);
    }

    /**
     * The seed scenario's "after deleting all 1,000,000 entries", or, where the run measured several delete fractions
     * (remedies, full), all of them: "after deleting 50%, 90%, 99% and all of 1,000,000 entries".
     */
    static String afterDeleting(RunData data, Scenario s) {
        List<Double> fractions = data.table().rows().stream().map(r -> r.key().get("deleteFraction"))
                .filter(java.util.Objects::nonNull).map(Double::parseDouble).distinct().sorted().toList();
        if (fractions.size() < 2) {
            return KeyFindings.afterDeleting(s);
        }
        List<String> words = fractions.stream().map(f -> f >= 1.0 ? "all" : Format.percent(f)).toList();
        return "after deleting " + String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1)
                + " of " + Format.count(s.entries()) + " entries";
    }

    /** "JDK 17.0.15, G1", or "JDK 17.0.15 and 25.0.3, 5 collectors (G1, Parallel, …)"; empty without environment.json. */
    static String jvms(RunInfo info) {
        List<String> versions = info.jvms().stream().map(RunInfo.Jvm::javaVersion).filter(v -> !v.isEmpty()).distinct().toList();
        List<String> gcs = info.jvms().stream().map(RunInfo.Jvm::gc).filter(v -> !v.isEmpty()).distinct().toList();
        if (versions.isEmpty()) {
            return "";
        }
        String jdk = "JDK " + String.join(" and ", versions);
        return gcs.isEmpty() ? jdk : jdk + ", " + (gcs.size() == 1 ? gcs.get(0) : gcs.size() + " collectors (" + String.join(", ", gcs) + ")");
    }

    /** "Run folder `20261130-070642-gc-matrix`, profile `gc-matrix`, started 2026-11-30 07:06." */
    static String subtitle(RunData data) {
        RunInfo i = data.info();
        return "Run folder `" + i.name() + "`" + (i.profile().isEmpty() ? "" : ", profile `" + i.profile() + "`")
                + ", started " + i.date() + ".";
    }
}
