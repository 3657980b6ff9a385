package dev.mapleak.run;

import dev.mapleak.folder.PlanFile;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code --dry-run} prints of a checked plan: by default a summary a newcomer can read (the JVMs, how many
 * groups per benchmark, how many combinations are not applicable for each reason, the time estimate); with
 * {@code --verbose} also every group with its estimate and every combination left out with its reason.
 */
record DryRun(Profile profile, Plan plan, Collection<JvmConfig> jvms, List<String> leftOut, PlanFile planFile) {

    void print(PrintStream out, boolean verbose) {
        out.println("mapleak: profile " + profile.name() + ": " + profile.description());
        if (planFile.shard() != null) {
            out.println("  shard " + planFile.shard() + ": " + plan.runs().size() + " of the plan's "
                    + planFile.fullPlan().size() + " groups");
        }
        jvms.forEach(j -> out.println("  jvm " + j.label() + ": JDK " + j.jdk().describe() + " " + String.join(" ", j.allArgs())));
        leftOut.forEach(l -> out.println("  left out " + l));
        Duration total = Duration.ZERO;
        for (Combination c : plan.runs()) {
            total = total.plus(TimeEstimate.of(c, profile.settings()));
        }
        if (verbose) {
            out.println("would run " + plan.runs().size() + " groups:");
            for (Combination c : plan.runs()) {
                out.println("  " + c.label() + "  (~" + Progress.seconds(TimeEstimate.of(c, profile.settings())) + ")");
            }
            out.println("not applicable (" + plan.notApplicable().size() + "):");
            for (Plan.Skipped s : plan.notApplicable()) {
                out.println("  " + s.combination().label() + ": " + s.reason());
            }
        } else {
            out.println("would run " + plan.runs().size() + " groups: " + countsPerBenchmark());
            out.println("not applicable (" + plan.notApplicable().size() + ")" + (plan.notApplicable().isEmpty() ? "" : ":"));
            countsPerReason().forEach((reason, n) -> out.printf("  %5d  %s%n", n, reason));
        }
        out.println("estimated time: about " + Progress.clock(total) + " (nothing was run)");
        if (!verbose) {
            out.println("(--verbose lists every group and every combination left out)");
        }
    }

    /** "LifecycleBenchmark.fill 11, LifecycleBenchmark.reclaim 33", in plan order. */
    String countsPerBenchmark() {
        Map<String, Long> counts = plan.runs().stream()
                .collect(Collectors.groupingBy(Combination::benchmark, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Reason → how many combinations it leaves out, in plan order. */
    Map<String, Long> countsPerReason() {
        return plan.notApplicable().stream()
                .collect(Collectors.groupingBy(Plan.Skipped::reason, LinkedHashMap::new, Collectors.counting()));
    }
}
