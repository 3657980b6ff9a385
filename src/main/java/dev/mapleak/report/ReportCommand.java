package dev.mapleak.report;

import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders a run folder's outputs from its files alone: {@code ./run-bench.sh report RUN_DIR}, and the end
 * of every run.
 */
public final class ReportCommand {

    private ReportCommand() {
    }

    /** {@code ./run-bench.sh report RUN_DIR}: exit status 2 when nothing can be rendered. */
    public static int render(Path runDir, PrintStream out) throws IOException {
        RunFolder.open(runDir);
        ResultSet results = ResultSet.load(runDir.resolve("results"));
        if (results.measurements().isEmpty()) {
            String why = results.problems().isEmpty() ? "no result files" : String.join("; ", results.problems());
            throw new UsageException(runDir.resolve("results") + ": nothing to render: " + why);
        }
        // a broken subjects.json is bad input: thrown before anything is written
        return render(load(runDir, results), out::println) ? 0 : 1;
    }

    /**
     * Writes summary.md, then report.md, report.html and the charts, and names everything that
     * had to be skipped (unreadable files, charts that could not be drawn); the console gets the key findings and the
     * report's path, not the whole table. False when the report could not be
     * written; summary.md is written first so a run never ends without it. The runner's one way into the report.
     */
    public static boolean renderFolder(Path runDir, Consumer<String> printer) throws IOException {
        RunData data;
        try {
            data = load(runDir, ResultSet.load(runDir.resolve("results")));
        } catch (UsageException e) {
            printer.accept("mapleak: nothing rendered: " + e.getMessage() + "; the results are intact");
            return false;
        }
        return render(data, printer);
    }

    /** The run folder read once, for the summary and the report alike. */
    private static RunData load(Path runDir, ResultSet results) {
        return RunData.of(runDir, results, notApplicable(runDir), Summary.failures(runDir));
    }

    private static boolean render(RunData data, Consumer<String> printer) throws IOException {
        Path summary = Summary.write(data);
        printer.accept("mapleak: summary → " + summary + " (every row" + (data.notApplicable().isEmpty() ? ""
                : "; the " + data.notApplicable().size() + " combinations left out as not applicable, with why") + ")");
        try {
            Report.Written w = Report.write(data);
            ConsoleEnd.lines(data).forEach(printer);
            printer.accept("mapleak: report → " + w.markdown() + " and " + w.html().getFileName());
            w.skipped().forEach(p -> printer.accept("mapleak: skipped " + p));
            return true;
        } catch (RuntimeException e) {
            // A bug in rendering must not cost a finished run its summary or its exit status.
            printer.accept("mapleak: the report could not be rendered (" + e + "); summary.md and the results are intact");
            return false;
        }
    }

    /** "label: reason" for every combination {@code plan.json} lists as not applicable. */
    static List<String> notApplicable(Path runDir) {
        try {
            return RunFolder.open(runDir).readPlan().map(PlanFile::notApplicableLines).orElse(List.of());
        } catch (UsageException e) {
            return List.of("(" + e.getMessage() + ")");
        }
    }
}
