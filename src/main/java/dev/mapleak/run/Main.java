package dev.mapleak.run;

import dev.mapleak.report.ReportCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run-bench.sh}: the one entry point a user types.
 * <pre>
 *   ./run-bench.sh [PROFILE] [--dry-run] [--prof gc|alloc|cpu] [--verbose] [--out DIR] [-- JMH options]
 *   ./run-bench.sh --list
 *   ./run-bench.sh --resume RUN_DIR
 *   ./run-bench.sh report RUN_DIR
 * </pre>
 * Exit status: 0 all measured, 1 some group failed (the rest were measured and saved), 2 bad input
 * (one line on stderr, nothing ran).
 */
public final class Main {

    static final String DEFAULT_PROFILE = "quick";
    static final String USAGE = "usage: ./run-bench.sh [PROFILE] [--dry-run] [--prof gc|alloc|cpu] [--verbose] "
            + "[--out DIR] [-- JMH options] | --list | --resume RUN_DIR | report RUN_DIR | scan HEAP.hprof";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(Path.of(System.getProperty("mapleak.home", ".")).toAbsolutePath().normalize(), args, out, err);
    }

    /** {@code home} holds {@code profiles/} and, by default, {@code reports/}. */
    static int run(Path home, String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(home, args, out, err);
        } catch (UsageException e) {
            err.println("mapleak: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("mapleak: " + e.getMessage());
            return 1;
        }
    }

    private static int dispatch(Path home, String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length > 0 && args[0].equals("scan")) {
            return dev.mapleak.scan.ScanCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        List<String> command = new ArrayList<>(List.of("./run-bench.sh"));
        command.addAll(Arrays.asList(args));
        if (args.length > 0 && args[0].equals("report")) {
            if (args.length != 2) {
                throw new UsageException("report takes one run folder: ./run-bench.sh report RUN_DIR");
            }
            return ReportCommand.render(Path.of(args[1]), out);
        }
        String profile = null;
        Path resume = null;
        Path reportsDir = home.resolve("reports");
        boolean dryRun = false;
        boolean verbose = false;
        List<String> profilers = new ArrayList<>();
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--" -> {
                    jmhArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                case "--list" -> {
                    list(home, out);
                    return 0;
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--dry-run" -> dryRun = true;
                case "--verbose" -> verbose = true;
                case "--resume" -> resume = Path.of(value(args, ++i, "--resume needs a run folder"));
                case "--out" -> reportsDir = Path.of(value(args, ++i, "--out needs a folder")).toAbsolutePath();
                case "--prof" -> profilers.add(value(args, ++i, "--prof needs one of " + ExtraProfilers.NAMES));
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; " + USAGE);
                    }
                    if (profile != null) {
                        throw new UsageException("one profile at a time: got '" + profile + "' and '" + a + "'");
                    }
                    profile = a;
                }
            }
        }
        BenchRun run = new BenchRun(home, out, JdkDiscovery.system());
        if (resume != null) {
            if (profile != null || !jmhArgs.isEmpty() || !profilers.isEmpty() || dryRun) {
                throw new UsageException("--resume runs with the settings the run was started with; give it only the run folder");
            }
            return run.resume(resume, verbose, command);
        }
        Map<String, List<String>> overrides = takeParams(jmhArgs);
        return run.start(new BenchRun.Request(profile == null ? DEFAULT_PROFILE : profile, overrides, jmhArgs,
                profilers, verbose), reportsDir, dryRun, command);
    }

    private static void list(Path home, PrintStream out) {
        Path dir = home.resolve("profiles");
        for (String name : Profile.names(dir)) {
            String description;
            try {
                description = Profile.load(dir, name).description();
            } catch (UsageException e) {
                description = "(broken: " + e.getMessage() + ")";
            }
            out.printf("%-16s %s%s%n", name, description, name.equals(DEFAULT_PROFILE) ? " [default]" : "");
        }
    }

    /**
     * Moves JMH's {@code -p name=v1,v2} out of the pass-through options: they replace the profile's values
     * before the matrix is expanded, so each group still gets one value per parameter.
     */
    static Map<String, List<String>> takeParams(List<String> jmhArgs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < jmhArgs.size(); ) {
            if (jmhArgs.get(i).equals("-p")) {
                if (i + 1 >= jmhArgs.size()) {
                    throw new UsageException("-p needs name=value[,value...]");
                }
                String spec = jmhArgs.get(i + 1);
                int eq = spec.indexOf('=');
                if (eq <= 0 || eq == spec.length() - 1) {
                    throw new UsageException("-p needs name=value[,value...], got '" + spec + "'");
                }
                params.put(spec.substring(0, eq), Arrays.stream(spec.substring(eq + 1).split(",")).map(String::strip).toList());
                jmhArgs.remove(i + 1);
                jmhArgs.remove(i);
            } else {
                i++;
            }
        }
        return params;
    }

    private static String value(String[] args, int i, String message) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(message);
        }
        return args[i];
    }

}
