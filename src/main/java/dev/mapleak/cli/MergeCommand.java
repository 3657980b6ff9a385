package dev.mapleak.cli;

import dev.mapleak.run.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./run-bench.sh merge SHARD_DIR... [--out DIR]}: the run folders of one sharded run combined into one. */
@Command(name = "merge",
        description = {
                "Combines the run folders of a sharded run (`./run-bench.sh PROFILE --shard K/N` on N machines) into a"
                        + " new run folder DIR/<yyyyMMdd-HHmmss>-PROFILE-merged/ with its summary and report. Refuses"
                        + " folders from different profiles, overrides, options, commits or plans, a shard given twice and"
                        + " a group measured in two folders; names every group no folder has (a resume of the merged"
                        + " folder measures them here). The shard folders are only read.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":every group of the plan is in the merged folder",
                MapleakCommand.EXIT_GROUP_FAILED + ":some groups are missing or failed: they are named, and the rest is merged",
                MapleakCommand.EXIT_BAD_INPUT + ":the folders do not belong together (one line says why); nothing written",
        })
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    MapleakCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The run folder of each shard.")
    List<Path> shards = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Make the merged run folder under DIR instead of reports/.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path reports = out == null ? root.home.resolve("reports") : out.toAbsolutePath();
        return ShardMerge.merge(shards, reports, root.out);
    }
}
