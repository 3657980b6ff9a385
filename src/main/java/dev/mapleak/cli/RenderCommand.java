package dev.mapleak.cli;

import dev.mapleak.report.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./run-bench.sh report RUN_DIR}: renders a run folder again from its files alone. */
@Command(name = "report",
        description = {
                "Renders a run folder's summary.md, report.md, report.html and charts/ again from the"
                        + " files in it alone (results/, plan.json, subjects.json, environment.json, failures/): nothing"
                        + " is measured, and the current code's subjects are not consulted, so a run made by an older"
                        + " mapleak re-renders as it was measured. Prints the key findings and where the report is.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":the summary and the report were written",
                MapleakCommand.EXIT_GROUP_FAILED + ":summary.md was written but the report could not be rendered (the line says why)",
                MapleakCommand.EXIT_BAD_INPUT + ":bad input (not a run folder, no readable results): one line on stderr; nothing written",
        })
final class RenderCommand implements Callable<Integer> {

    @ParentCommand
    MapleakCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder, e.g. reports/20261124-085330-seed.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        return ReportCommand.render(runDir, root.out);
    }
}
