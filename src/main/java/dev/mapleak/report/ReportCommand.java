package dev.mapleak.report;

import dev.mapleak.run.RunFolder;
import dev.mapleak.run.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code ./run-bench.sh report RUN_DIR}: renders a run folder's report from its JSON alone. */
public final class ReportCommand {

    private ReportCommand() {
    }

    public static int render(Path runDir, PrintStream out) throws IOException {
        RunFolder.open(runDir);
        ResultSet results = ResultSet.load(runDir.resolve("results"));
        if (results.measurements().isEmpty()) {
            String why = results.problems().isEmpty() ? "no result files" : String.join("; ", results.problems());
            throw new UsageException(runDir.resolve("results") + ": nothing to render: " + why);
        }
        Summary.write(runDir, List.of(), out::println);
        results.problems().forEach(p -> out.println("mapleak: skipped " + p));
        return 0;
    }
}
