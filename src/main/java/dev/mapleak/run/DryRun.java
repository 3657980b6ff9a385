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
record DryRun(Profile profile, Plan plan, Plan whole, Collection<JvmConfig> jvms, List<String> leftOut, PlanFile planFile,
              Jobs jobs, MeasuredTimes past) {

    void print(PrintStream out, boolean verbose) {
        out.println("mapleak: profile " + profile.name() + ": " + profile.description());
        if (planFile.shard() != null) {
            out.println("  shard " + planFile.shard() + ": " + plan.runs().size() + " of the plan's "
                    + planFile.fullPlan().size() + " groups");
        }
        jvms.forEach(j -> out.println("  jvm " + j.label() + ": JDK " + j.jdk().describe() + " " + String.join(" ", j.allArgs())));
        leftOut.forEach(l -> out.println("  left out " + l));
        long alone = plan.runs().stream().filter(c -> !GroupPool.runsSideBySide(c)).count();
        out.println("  " + jobs.describe() + ": memory groups run up to " + jobs.count() + " at a time, a map point's groups in one JVM"
                + (alone > 0 ? "; then the " + alone + " groups whose times are published (timing, operations), each alone" : ""));
        if (jobs.lowered() != null) {
            out.println("  " + jobs.lowered());
        }
        if (verbose) {
            out.println("would run " + plan.runs().size() + " groups:");
            for (Combination c : plan.runs()) {
                out.println("  " + c.label() + "  (~" + Progress.seconds(TimeEstimate.of(c, profile.settings(), past, jobs.count())) + ")");
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
        split().forEach(out::println);
        out.println(estimate() + " (nothing was run)");
        if (!verbose) {
            out.println("(--verbose lists every group and every combination left out)");
        }
    }

    /**
     * "estimated time: about 4m10s for 152 groups with 2 jobs (from ...)"; for a shard, its own time, then the whole
     * plan's on one machine and its longest shard's.
     */
    String estimate() {
        TimeEstimate.Wall mine = TimeEstimate.wall(plan.runs(), profile.settings(), past, jobs.count());
        String line = "estimated time: about " + Progress.clock(mine.time()) + " for "
                + (planFile.shard() != null ? "this shard's " : "") + plural(mine.groups(), "group") + " with "
                + plural(jobs.count(), "job") + " (" + source(mine) + ")";
        if (planFile.shard() == null) {
            return line;
        }
        Shard shard = Shard.parse(planFile.shard());
        TimeEstimate.Wall all = TimeEstimate.wall(whole.runs(), profile.settings(), past, jobs.count());
        Duration longest = Duration.ZERO;
        // The parts as --shard makes them (balanced by TimeEstimate's constants), each timed like this one.
        for (List<Combination> part : Shard.split(whole.runs(), c -> TimeEstimate.of(c, profile.settings()), shard.count())) {
            Duration d = TimeEstimate.wall(part, profile.settings(), past, jobs.count()).time();
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return line + "; the whole plan: about " + Progress.clock(all.time()) + " for " + plural(all.groups(), "group")
                + " on one machine, per shard of " + shard.count() + ": about " + Progress.clock(longest) + " (the longest)";
    }

    /**
     * One line per benchmark class, in plan order: its groups, the forks and iterations each gets
     * ({@link TimingGroups#describe}: a class's own counts, the timing pass's, or the profile's) and its share of the
     * estimate (memory classes over the jobs, the others one group at a time), so a profile's memory and timing parts
     * can each be sized.
     */
    List<String> split() {
        Map<String, List<Combination>> byClass = plan.runs().stream()
                .collect(Collectors.groupingBy(TimingGroups::className, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new java.util.ArrayList<>();
        lines.add("per benchmark class (forks and iterations each group gets, estimated time):");
        byClass.forEach((cls, groups) -> {
            Combination first = groups.get(0);
            String kind = GroupPool.runsSideBySide(first) ? "memory, up to " + jobs.count() + " at a time"
                    : TimingGroups.isTiming(first) ? "timing pass, each alone" : "each alone";
            TimeEstimate.Wall w = TimeEstimate.wall(groups, profile.settings(), past, jobs.count());
            lines.add("  " + cls + ": " + plural(groups.size(), "group") + ", " + TimingGroups.describe(first, profile.settings())
                    + ", " + kind + ": about " + Progress.clock(w.time()));
        });
        return lines;
    }

    /** Where the estimate's group times come from. */
    private String source(TimeEstimate.Wall w) {
        String runs = plural(w.runs(), "earlier run") + " on this machine"
                + (w.load() == null ? "" : String.format(java.util.Locale.ROOT, " at load average %.1f", w.load()))
                + (w.measuredAtOtherJobs() ? ", memory groups measured " + w.measuredAt().stream().map(String::valueOf)
                        .collect(Collectors.joining(" and ")) + " at a time" : "");
        if (w.measured() == w.groups()) {
            return "every group's median time in " + runs;
        }
        if (w.measured() == 0) {
            return "TimeEstimate's constants: no earlier run on this machine measured these groups";
        }
        return w.measured() + " groups' median times in " + runs + ", " + (w.groups() - w.measured())
                + " from TimeEstimate's constants";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
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
