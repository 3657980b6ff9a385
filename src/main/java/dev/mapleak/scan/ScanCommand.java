package dev.mapleak.scan;

import dev.mapleak.folder.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./run-bench.sh scan HEAP.hprof}: which maps in a heap dump keep tables far larger than their live entries,
 * who holds them, and what a remedy would free (and, with {@code --costs}, what it cost in a mapleak run).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Finds the maps in a HotSpot heap dump whose tables never shrank: for each owner (the class and field "
                        + "that reference the maps) and map kind, the live entries, table slots, fill ratio (as Eclipse "
                        + "MAT's Collection Fill Ratio), the heap bytes of the table arrays and the bytes the kind's remedy "
                        + "(rebuild, trim(), compact()) would free.",
                "Kinds: java.util HashMap, LinkedHashMap, HashSet, LinkedHashSet, ConcurrentHashMap, WeakHashMap, "
                        + "Hashtable, IdentityHashMap; fastutil *OpenHashMap/Set; Eclipse Collections Int/LongObjectHashMap; "
                        + "HPPC Int/Long/ObjectObjectHashMap, IntIntHashMap; Agrona Int2/Long2ObjectHashMap.",
                "Prints the table; writes HEAP.scan.md, HEAP.scan.html (with a chart) and HEAP.scan.json beside the dump "
                        + "or in --out. Take a dump of a running JVM with: jcmd PID GC.heap_dump FILE"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:the dump was scanned and the reports written",
                "1:the reports could not be written (disk full, permissions)",
                "2:bad input: a missing, non-hprof, truncated or compressed dump, an unknown --costs folder, "
                        + "a bad option; one 'mapleak: ' line on stderr, nothing written"})
public final class ScanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HEAP.hprof", description = "The heap dump (hprof, uncompressed).")
    Path dump;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Show the N owner groups that would free the most (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--min-waste", paramLabel = "SIZE", defaultValue = "0",
            description = "Only groups whose remedy would free at least SIZE bytes: 65536, 512k, 1m, 2g "
                    + "(default: ${DEFAULT-VALUE}).")
    String minWaste;

    @Option(names = "--json", description = "Print the result as JSON on stdout instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write HEAP.scan.md, .html and .json into DIR (created if missing) instead of beside the dump.")
    Path out;

    @Option(names = "--costs", paramLabel = "RUN_DIR",
            description = "A mapleak run folder (reports/...): print what each remedy cost there "
                    + "(LifecycleBenchmark.reclaim, REBUILD or TRIM) at the measured size nearest the map's table.")
    Path costs;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
            description = "The dumped JVM's object layout: auto (inferred from object addresses, default), "
                    + "compressed (4-byte references) or uncompressed (-XX:-UseCompressedOops, 8-byte references).")
    String layout;

    private final PrintStream stdout;
    private final PrintStream stderr;

    /** A scan that prints to {@code stdout} and {@code stderr} (the command line makes it with its own streams). */
    public ScanCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs {@code scan ARGS}: bad input is one {@code mapleak: } line on {@code err} and status 2. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ScanCommand(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("mapleak: scan: " + e.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (./run-bench.sh scan --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof UsageException) {
                err.println("mapleak: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        long minWasteBytes;
        try {
            minWasteBytes = Bytes.parse(minWaste);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--min-waste: " + e.getMessage());
        }
        if (top < 1) {
            throw new UsageException("--top must be at least 1, got " + top);
        }
        Layout chosen = switch (layout.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "compressed" -> Layout.COMPRESSED;
            case "uncompressed" -> Layout.UNCOMPRESSED;
            default -> throw new UsageException("--layout must be auto, compressed or uncompressed, got '" + layout + "'");
        };
        RemedyCosts remedyCosts = costs == null ? null : RemedyCosts.load(costs);
        Path dir = outputDir();

        HeapScan.Result scan;
        Progress progress = new Progress(stderr, fileSize());
        try {
            scan = HeapScan.scan(dump, chosen, progress);
        } catch (UsageException e) {
            progress.abandon();
            throw e;
        } catch (OutOfMemoryError e) {
            progress.abandon();
            throw new UsageException(dump + ": the scan ran out of heap (-Xmx" + (Runtime.getRuntime().maxMemory() >> 20)
                    + "m); run it with more: java -Xmx2g -cp target/benchmarks.jar dev.mapleak.cli.Main scan ...");
        } catch (RuntimeException e) {
            progress.abandon();
            throw new UsageException(dump + ": cannot parse the heap dump: " + e);
        }
        ScanReport report = ScanReport.of(scan, remedyCosts, minWasteBytes, top, peakHeapBytes());
        String base = baseName(dump);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(base + ".scan.json"), ScanJson.of(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(base + ".scan.md"), ConsoleTable.markdown(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(base + ".scan.html"), ScanHtml.of(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            stderr.println("mapleak: cannot write the scan reports to " + dir + ": " + e.getMessage());
            return 1;
        }
        if (json) {
            stdout.print(ScanJson.of(report));
        } else {
            ConsoleTable.print(report, stdout);
            if (remedyCosts != null && remedyCosts.skipped() > 0) {
                stdout.printf("(%d result files in %s could not be read)%n", remedyCosts.skipped(), costs);
            }
            stdout.println("wrote " + dir.resolve(base + ".scan.md") + ", .scan.html, .scan.json");
        }
        return 0;
    }

    private long fileSize() {
        try {
            return Files.size(dump);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Where the reports go; checked before scanning so that a bad folder costs nothing. */
    private Path outputDir() {
        Path dir = out != null ? out.toAbsolutePath() : dump.toAbsolutePath().getParent();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + ": not a folder");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            throw new UsageException(dir + ": cannot write there; choose a folder with --out");
        }
        return dir;
    }

    static String baseName(Path dump) {
        String name = dump.getFileName().toString();
        return name.endsWith(".hprof") ? name.substring(0, name.length() - ".hprof".length()) : name;
    }

    /** The most heap the scan's JVM has used so far: the sum of each heap pool's peak. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
