package dev.mapleak.run;

import com.google.gson.JsonParseException;
import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code times.json} in a run folder: how long each measured group took, wall time from its start to its result,
 * and how many groups ran side by side while it did, with the machine it ran on. Written by the runner after every
 * group (atomically, so {@code kill -9} leaves the last whole version), kept across {@code --resume}, and read by
 * {@link MeasuredTimes} so that later {@code --dry-run}s on this machine estimate from real durations. It is the
 * runner's own record: the report never reads it.
 */
final class GroupTimes {

    static final String FILE = "times.json";

    /** What is compared to decide that a recorded time comes from this machine. */
    record Machine(int cpus, String cpuModel) {
        static Machine here() {
            Map<String, Object> m = Environment.machine();
            return new Machine(((Number) m.get("cpus")).intValue(), String.valueOf(m.get("cpuModel")));
        }
    }

    /**
     * One measured group.
     *
     * @param sideBySide  how many groups the pool ran at once while this one ran (1 for a group run alone)
     * @param loadAverage the machine's one-minute load average when it ended (other processes slow groups down too),
     *                    or null where /proc/loadavg cannot be read
     */
    record Entry(String id, String benchmark, Map<String, String> params, String jvm, double seconds, int sideBySide,
                 Double loadAverage) {
    }

    /** The file's content. */
    record Content(Machine machine, List<Entry> groups) {
    }

    private final Path file;
    private final Machine machine;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private GroupTimes(Path file, Machine machine) {
        this.file = file;
        this.machine = machine;
    }

    /** The folder's times so far (a resume keeps them), to be added to. */
    static GroupTimes open(RunFolder folder) {
        GroupTimes t = new GroupTimes(folder.dir().resolve(FILE), Machine.here());
        read(folder.dir()).ifPresent(c -> {
            if (Objects.equals(c.machine(), t.machine) && c.groups() != null) {
                c.groups().forEach(e -> t.entries.put(e.id(), e));
            }
        });
        return t;
    }

    /** Records a group that was measured, replacing an earlier time of the same group. */
    synchronized void record(Combination c, Duration took, int sideBySide) throws IOException {
        entries.put(c.id(), new Entry(c.id(), c.benchmark(), c.params(), c.jvm(),
                Math.round(took.toMillis() / 10.0) / 100.0, sideBySide, loadAverage(Path.of("/proc/loadavg"))));
        RunFolder.writeAtomically(file, RunFolder.GSON.toJson(new Content(machine, List.copyOf(entries.values()))));
    }

    /** The first number of {@code /proc/loadavg}, or null. */
    static Double loadAverage(Path procLoadavg) {
        try {
            return Double.parseDouble(Files.readString(procLoadavg).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A run folder's times.json, or empty when it has none or it cannot be read (it only informs an estimate). */
    static java.util.Optional<Content> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        try {
            Content c = RunFolder.GSON.fromJson(Files.readString(f), Content.class);
            if (c == null || c.machine() == null || c.groups() == null) {
                return java.util.Optional.empty();
            }
            List<Entry> whole = new ArrayList<>();
            for (Entry e : c.groups()) {
                if (e != null && e.benchmark() != null && e.params() != null && e.seconds() > 0 && e.sideBySide() >= 1) {
                    whole.add(e);
                }
            }
            return java.util.Optional.of(new Content(c.machine(), whole));
        } catch (IOException | JsonParseException | ClassCastException e) {
            return java.util.Optional.empty();
        }
    }
}
