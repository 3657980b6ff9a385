package dev.mapleak.cli;

import dev.mapleak.run.BenchRun;
import dev.mapleak.run.JdkDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./run-bench.sh resume RUN_DIR} (or {@code --resume RUN_DIR}): finishes an interrupted or failed run. */
@Command(name = "resume",
        description = {
                "Finishes a run folder with the settings it was started with (its run.json): runs every group that has"
                        + " no result yet (interrupted, failed or never reached) and renders the report again."
                        + " Measured results are never run twice. Refused while a live run is writing the folder, when"
                        + " the folder was started by another mapleak commit (see --allow-other-commit), or when its"
                        + " run.json no longer gives the plan in its plan.json.",
                "`./run-bench.sh --resume RUN_DIR` is the same.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":every group of the run is now measured",
                MapleakCommand.EXIT_GROUP_FAILED + ":some group failed again; the rest is saved",
                MapleakCommand.EXIT_BAD_INPUT + ":bad input (not a run folder, a broken run.json...): one line on stderr; nothing ran",
        })
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    MapleakCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder, e.g. reports/20261124-085330-seed.")
    Path runDir;

    @Option(names = "--verbose", description = "Show JMH's own output while running.")
    boolean verbose;

    @Option(names = "--allow-other-commit", description = "Resume a folder that another mapleak commit started"
            + " (refused by default, since its results would be filed under that commit); environment.json then"
            + " records which groups this commit measured.")
    boolean allowOtherCommit;

    @Override
    public Integer call() throws IOException {
        return new BenchRun(root.home, root.out, JdkDiscovery.system()).resume(runDir, verbose, allowOtherCommit, root.command);
    }
}
