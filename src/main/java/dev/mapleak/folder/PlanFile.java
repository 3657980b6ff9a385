package dev.mapleak.folder;

import java.util.List;

/**
 * {@code plan.json}: every group a run consists of (group ids, as its result files are named) and every
 * combination left out as not applicable, with why. Written before the first group runs, so a report can say
 * what is missing without the profile, and a resume can check it runs the same plan.
 */
public record PlanFile(List<String> groups, List<NotApplicable> notApplicable) {

    /** A combination the plan left out, and the reason. */
    public record NotApplicable(String id, String reason) {
    }

    /** "label: reason" lines, the group id's commas as spaces (as the console shows a group). */
    public List<String> notApplicableLines() {
        return notApplicable == null ? List.of()
                : notApplicable.stream().map(n -> n.id().replace(',', ' ') + ": " + n.reason()).toList();
    }
}
