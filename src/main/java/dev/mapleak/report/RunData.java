package dev.mapleak.report;

import dev.mapleak.measure.Probe;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a report is made from, read once from the run folder: the run's description, the results
 * (good files only), the lifecycle rows, the seed's conditions, and what was left out or failed.
 */
public record RunData(Path runDir, RunInfo info, ResultSet results, LifecycleTable table, Scenario seed,
                      List<String> notApplicable, List<String> failures) {

    static final String JOL = Probe.RETAINED_JOL.metric();
    static final String HEAP = Probe.RETAINED_HEAP.metric();
    static final String GO = Probe.RETAINED_GO.metric();
    static final String COMMITTED = Probe.HEAP_COMMITTED.metric();
    static final String RSS = Probe.PROCESS_RSS.metric();
    /** The subject whose results carry Go's runtime figure ({@code retained.go.bytes}). */
    static final String GO_SUBJECT = "GO_HYBRID";

    public static RunData load(Path runDir, List<String> notApplicable, List<String> failures) {
        return of(runDir, ResultSet.load(runDir.resolve("results")), notApplicable, failures);
    }

    /** The same from results already read. */
    public static RunData of(Path runDir, ResultSet results, List<String> notApplicable, List<String> failures) {
        LifecycleTable table = LifecycleTable.of(results);
        return new RunData(runDir, RunInfo.read(runDir), results, table, Scenario.seed(table), notApplicable, failures);
    }

    /** Whether any result carries more than one sample (so errors can be shown). */
    public boolean hasRepeatedSamples() {
        return results.measurements().stream().anyMatch(m -> m.primary().samples().size() > 1);
    }
}
