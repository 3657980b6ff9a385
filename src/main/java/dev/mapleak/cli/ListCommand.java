package dev.mapleak.cli;

import dev.mapleak.folder.Storage;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.UsageException;
import dev.mapleak.run.Profile;
import dev.mapleak.run.SubjectRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code ./run-bench.sh list profiles|subjects} ({@code --list} is {@code list profiles}). */
@Command(name = "list",
        description = {
                "Lists the profiles or the subjects.",
                "profiles: every profile (profiles/*.properties) with its measured wall time and its description.",
                "subjects: every map mapleak measures, with its kind, the class measured, its library and version,"
                        + " and how it stores values (INLINE in its own arrays, or a POINTER per value) by value size.",
                "`./run-bench.sh --list` is `list profiles`.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                MapleakCommand.EXIT_MEASURED + ":listed",
                MapleakCommand.EXIT_BAD_INPUT + ":bad input (unknown list): one line on stderr",
        })
final class ListCommand implements Callable<Integer> {

    /** What can be listed. */
    enum What { profiles, subjects }

    /** The value sizes {@code list subjects} describes storage over: 1 byte up to the largest any profile uses. */
    static final int LISTED_VALUE_SIZES = 256;

    @ParentCommand
    MapleakCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "profiles|subjects", defaultValue = "profiles",
            description = "What to list (default: ${DEFAULT-VALUE}).")
    What what;

    @Override
    public Integer call() {
        if (what == What.subjects) {
            subjects(root.out);
        } else {
            profiles(root.home, root.out);
        }
        return MapleakCommand.EXIT_MEASURED;
    }

    /** One profile as listed; a profile that does not parse is listed with what is wrong with it. */
    record Listed(String name, String description, String measuredWallTime) {
    }

    static List<Listed> profiles(Path home) {
        Path dir = home.resolve("profiles");
        List<Listed> listed = new ArrayList<>();
        for (String name : Profile.names(dir)) {
            try {
                Profile p = Profile.load(dir, name);
                listed.add(new Listed(name, p.description(), p.measuredWallTime()));
            } catch (UsageException e) {
                listed.add(new Listed(name, "(broken: " + e.getMessage() + ")", Profile.NOT_MEASURED));
            }
        }
        return listed;
    }

    static void profiles(Path home, PrintStream out) {
        for (Listed p : profiles(home)) {
            boolean isDefault = p.name().equals(RunCommand.DEFAULT_PROFILE);
            out.printf("%-16s measured wall time: %s%n", p.name() + (isDefault ? " [default]" : ""), p.measuredWallTime());
            out.println("    " + p.description());
        }
    }

    static void subjects(PrintStream out) {
        List<SubjectInfo> subjects = SubjectRecords.all(new TreeSet<>(IntStream.rangeClosed(1, LISTED_VALUE_SIZES).boxed().toList()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SUBJECT", "KIND", "CLASS", "LIBRARY", "STORAGE (value sizes 1-" + LISTED_VALUE_SIZES + " bytes)"});
        for (SubjectInfo s : subjects) {
            rows.add(new String[] {s.name(), s.kind().toString(), s.className(), s.library(), storageRanges(s.storage())});
        }
        int[] width = new int[4];
        rows.forEach(r -> {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            out.println(line.append(r[4]));
        }
    }

    /** {@code "1" → INLINE ... "256" → POINTER} as "INLINE 1-128, POINTER 129-256" (keys are consecutive sizes). */
    static String storageRanges(Map<String, Storage> bySize) {
        List<String> ranges = new ArrayList<>();
        Storage current = null;
        int from = 0;
        int last = 0;
        for (Map.Entry<String, Storage> e : bySize.entrySet()) {
            int size = Integer.parseInt(e.getKey());
            if (e.getValue() != current) {
                if (current != null) {
                    ranges.add(current + " " + from + "-" + last);
                }
                current = e.getValue();
                from = size;
            }
            last = size;
        }
        if (current != null) {
            ranges.add(current + " " + from + "-" + last);
        }
        return String.join(", ", ranges);
    }
}
