package dev.mapleak.folder;

import java.util.List;

/**
 * {@code plan.json}: every group a run consists of (group ids, as its result files are named) and every
 * combination left out as not applicable, with why. Written before the first group runs, so a report can say
 * what is missing without the profile, and a resume can check it runs the same plan.
 *
 * <p>A shard's folder ({@code --shard K/N}) lists its own groups in {@code groups}, and the whole plan in
 * {@code fullPlan}, so a merge can tell which groups no shard folder has.
 *
 * @param shard    "K/N" for one part of a sharded run, null otherwise
 * @param fullPlan every group of the whole plan when sharded, null otherwise
 */
public record PlanFile(List<String> groups, List<NotApplicable> notApplicable, String shard, List<String> fullPlan) {

    public PlanFile(List<String> groups, List<NotApplicable> notApplicable) {
        this(groups, notApplicable, null, null);
    }

    /** Every group of the plan this folder is part of: its own, or the whole plan's for a shard. */
    public List<String> planGroups() {
        return fullPlan != null ? fullPlan : groups;
    }

    /** A combination the plan left out, and the reason. */
    public record NotApplicable(String id, String reason) {
    }

    /** "label: reason" lines, the group id's commas as spaces (as the console shows a group). */
    public List<String> notApplicableLines() {
        return notApplicable == null ? List.of()
                : notApplicable.stream().map(n -> n.id().replace(',', ' ') + ": " + n.reason()).toList();
    }
}
