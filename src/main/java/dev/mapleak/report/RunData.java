package dev.mapleak.report;

import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.Subjects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a report is made from, read once from the run folder: the run's description, what its subjects
 * are ({@code subjects.json}), the results (good files only), the lifecycle rows, the seed's conditions, and
 * what was left out or failed. summary.md, report.md and report.html are all built from it.
 */
public record RunData(Path runDir, RunInfo info, Subjects subjects, ResultSet results, LifecycleTable table,
                      Scenario seed, List<String> notApplicable, List<String> failures) {

    public static RunData load(Path runDir, List<String> notApplicable, List<String> failures) {
        return of(runDir, ResultSet.load(runDir.resolve("results")), notApplicable, failures);
    }

    /** The same from results already read. */
    public static RunData of(Path runDir, ResultSet results, List<String> notApplicable, List<String> failures) {
        Subjects subjects = subjects(runDir);
        LifecycleTable table = LifecycleTable.of(results, subjects);
        return new RunData(runDir, RunInfo.read(runDir), subjects, results, table, Scenario.seed(table),
                notApplicable, failures);
    }

    /**
     * The run's subjects.json, or the frozen legacy list for a folder made before it (a broken subjects.json is
     * bad input). A folder without run.json has its own problem named in {@link RunInfo#problems()}.
     */
    static Subjects subjects(Path runDir) {
        return Files.isRegularFile(runDir.resolve("run.json")) ? RunFolder.open(runDir).readSubjects() : Subjects.legacy();
    }

    /** Whether any result carries more than one sample (so errors can be shown). */
    public boolean hasRepeatedSamples() {
        return results.measurements().stream().anyMatch(m -> m.primary().samples().size() > 1);
    }
}
