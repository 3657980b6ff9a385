package dev.mapleak.report;

import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code reports/README.md}: the index of published runs, newest first, one line each. Every folder under
 * {@code reports/} (at any depth, e.g. {@code reports/published/RUN/}) that holds a {@code report.md} is a
 * run; the line is made from its {@code run.json}, {@code environment.json} and folder contents alone.
 *
 * <pre>
 *   java -cp target/benchmarks.jar dev.mapleak.report.ReportIndex reports
 * </pre>
 */
public final class ReportIndex {

    /** How deep under reports/ run folders are looked for. */
    static final int MAX_DEPTH = 4;
    /** A published run's note on which of its conclusions later measurements superseded. */
    static final String SUPERSEDED = "SUPERSEDED.md";
    /** A narrowed run's list of what its profile would have run and it did not. */
    static final String LEFT_OUT = "LEFT-OUT.md";

    private ReportIndex() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("mapleak: usage: ReportIndex REPORTS_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("mapleak: " + dir + " is not a folder");
            System.exit(2);
        }
        Path readme = write(dir);
        System.out.println("mapleak: index → " + readme);
    }

    /** Regenerates {@code reportsDir/README.md}; returns its path. */
    public static Path write(Path reportsDir) throws IOException {
        Path readme = reportsDir.resolve("README.md");
        RunFolder.writeAtomically(readme, render(reportsDir));
        return readme;
    }

    static String render(Path reportsDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path run : runFolders(reportsDir)) {
            entries.add(Entry.of(reportsDir, run));
        }
        entries.sort(Comparator.comparing(Entry::sortKey).reversed());
        StringBuilder md = new StringBuilder("# Published mapleak runs\n\n");
        md.append("Newest first. Each run folder holds its report (`report.md`, `report.html`, `charts/`), the raw JMH JSON "
                + "(`results/`) and everything needed to reproduce it (`run.json`, `environment.json`, `plan.json`). "
                + "When mapleak's report changes, published reports are re-rendered from their JSON by the newer code "
                + "(`./run-bench.sh report reports/RUN`): the measured data never changes, the commit a report names is the "
                + "one that measured it, and what an earlier rendering concluded that mapleak no longer does is kept in the "
                + "run's `SUPERSEDED.md`. "
                + "Regenerate this index with `java -cp target/benchmarks.jar dev.mapleak.report.ReportIndex reports`.\n\n");
        if (entries.isEmpty()) {
            md.append("No published runs yet.\n");
        }
        entries.forEach(e -> md.append("- ").append(e.line()).append('\n'));
        return md.toString();
    }

    /** Folders holding a report.md, never descending into a run folder's own subfolders. */
    static List<Path> runFolders(Path reportsDir) throws IOException {
        List<Path> runs = new ArrayList<>();
        collect(reportsDir, 0, runs);
        return runs;
    }

    private static void collect(Path dir, int depth, List<Path> runs) throws IOException {
        if (depth > 0 && Files.isRegularFile(dir.resolve("report.md"))) {
            runs.add(dir);
            return;
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                collect(child, depth + 1, runs);
            }
        }
    }

    /** One run's line. */
    record Entry(String sortKey, String line) {
        static Entry of(Path reportsDir, Path run) {
            RunInfo info = RunInfo.read(run);
            String link = reportsDir.relativize(run).toString().replace('\\', '/');
            int results = count(run.resolve("results"));
            int failures = count(run.resolve("failures"));
            String line = "[" + info.name() + "](" + link + "/report.md) ([html](" + link + "/report.html)): "
                    + "profile `" + (info.profile().isEmpty() ? "?" : info.profile()) + "`, " + info.date() + ", "
                    + info.jvmSummary() + ", " + results + " result files"
                    + (failures > 0 ? ", " + failures + " failed groups" : "")
                    + ", commit " + info.commitDescription().replaceAll(" with uncommitted changes.*", " (with uncommitted changes)")
                    + (Files.isRegularFile(run.resolve(LEFT_OUT)) ? "; narrowed: [what was left out](" + link + "/" + LEFT_OUT + ")" : "")
                    + superseded(run).map(s -> "\n  - **Superseded in part:** " + s + " ([why](" + link + "/" + SUPERSEDED + "))")
                    .orElse("");
            return new Entry((info.createdAt().isEmpty() ? info.date() : info.createdAt()) + "|" + info.name(), line);
        }

        /**
         * The first line of the run folder's {@value #SUPERSEDED}: which of the published report's conclusions a later
         * mapleak no longer draws, and why. The report and its data stay as published; the note marks them.
         */
        static java.util.Optional<String> superseded(Path run) {
            try {
                Path note = run.resolve(SUPERSEDED);
                return Files.isRegularFile(note) ? Files.readAllLines(note).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst() : java.util.Optional.empty();
            } catch (IOException e) {
                return java.util.Optional.of("(" + SUPERSEDED + " unreadable: " + e.getMessage() + ")");
            }
        }

        private static int count(Path dir) {
            if (!Files.isDirectory(dir)) {
                return 0;
            }
            try (Stream<Path> s = Files.list(dir)) {
                return (int) s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().startsWith(".")).count();
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
