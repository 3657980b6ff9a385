package dev.mapleak.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long groups took in earlier runs on this machine, for {@code --dry-run}'s estimate: the median wall time per
 * benchmark × subject × entries, from every run folder directly under the reports folders given (published runs and
 * the user's own). A folder counts when it ran on this machine (same number of cores and CPU model); its times come
 * from {@code times.json} ({@link GroupTimes}) or, for folders made before that file existed (all run serially), from
 * the {@code [k/n] LABEL: ok in 4.1 s} lines of its {@code console.log}.
 *
 * <p>Times measured with as many groups side by side as asked are preferred: on a 2-core machine a group running beside
 * another takes longer than alone. Where there are none, times measured with any number are used.
 */
final class MeasuredTimes {

    /**
     * One group's measured time, with the machine's load average when it ended, if known, the run folder's name, and
     * the run counts it ran with ({@link TimingGroups#runs}, "1x1+3"; null when its folder does not say).
     */
    record Sample(String key, double seconds, int sideBySide, Double load, String run, String runs) {
        Sample(String key, double seconds, int sideBySide) {
            this(key, seconds, sideBySide, null, "", null);
        }

        Sample(String key, double seconds, int sideBySide, Double load) {
            this(key, seconds, sideBySide, load, "", null);
        }

        Sample(String key, double seconds, int sideBySide, Double load, String run) {
            this(key, seconds, sideBySide, load, run, null);
        }

        Sample in(String runName) {
            return new Sample(key, seconds, sideBySide, load, runName, runs);
        }

        Sample ranWith(String counts) {
            return new Sample(key, seconds, sideBySide, load, run, counts);
        }

        /** Whether this time was measured with {@code counts}: a group of 3 forks takes about three times one of 1. */
        boolean fits(String counts) {
            return runs == null || counts == null || runs.equals(counts);
        }
    }

    static final MeasuredTimes NONE = new MeasuredTimes(List.of(), 0);

    /** {@code [12/152] LifecycleBenchmark.fill subject=FASTUTIL valueSize=128 ...: ok in 4.1 s | elapsed ...} */
    private static final Pattern PROGRESS = Pattern.compile("^\\[\\d+/\\d+] (\\S+)((?: [^ =:]+=[^ :]+)*): ok in ([0-9.]+) s\\b");

    private final Map<String, List<Sample>> byKey = new HashMap<>();
    private final int runs;

    MeasuredTimes(List<Sample> samples, int runs) {
        samples.forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        this.runs = runs;
    }

    /** How many earlier run folders gave times. */
    int runs() {
        return runs;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** benchmark × subject × entries: what mostly decides a group's time. */
    static String key(String benchmark, Map<String, String> params) {
        return benchmark + " subject=" + params.getOrDefault("subject", "-") + " entries=" + params.getOrDefault("entries", "-");
    }

    /** The median time of groups like {@code c}, preferring those measured with {@code sideBySide} groups at once. */
    Optional<Duration> median(Combination c, int sideBySide) {
        return median(c, sideBySide, null);
    }

    /** As {@link #median(Combination, int)}, of the times measured with the run counts {@code runs} (null: any). */
    Optional<Duration> median(Combination c, int sideBySide, String runs) {
        List<Sample> use = samples(c, sideBySide, runs);
        if (use.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(median(use.stream().mapToDouble(Sample::seconds)) * 1000)));
    }

    /** The samples {@link #median(Combination, int)} takes its median of. */
    List<Sample> samples(Combination c, int sideBySide) {
        return samples(c, sideBySide, null);
    }

    /** The samples {@link #median(Combination, int, String)} takes its median of. */
    List<Sample> samples(Combination c, int sideBySide, String runs) {
        List<Sample> all = byKey.getOrDefault(key(c.benchmark(), c.params()), List.of()).stream()
                .filter(s -> s.fits(runs)).toList();
        List<Sample> same = all.stream().filter(s -> s.sideBySide() == sideBySide).toList();
        return same.isEmpty() ? all : same;
    }

    static double median(java.util.stream.DoubleStream values) {
        double[] v = values.sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The times of every run folder directly under {@code reportsDirs} that ran on {@code here}. */
    static MeasuredTimes load(List<Path> reportsDirs, GroupTimes.Machine here) {
        List<Sample> samples = new ArrayList<>();
        int runs = 0;
        Set<Path> seen = new LinkedHashSet<>();
        for (Path dir : reportsDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> folders;
            try (Stream<Path> s = Files.list(dir)) {
                folders = s.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                continue;
            }
            for (Path run : folders) {
                if (!seen.add(run.toAbsolutePath().normalize())) {
                    continue;
                }
                List<Sample> found = fromFolder(run, here);
                if (!found.isEmpty()) {
                    found.forEach(f -> samples.add(f.in(run.getFileName().toString())));
                    runs++;
                }
            }
        }
        return new MeasuredTimes(samples, runs);
    }

    static List<Sample> fromFolder(Path run, GroupTimes.Machine here) {
        Optional<GroupTimes.Content> times = GroupTimes.read(run);
        if (times.isPresent()) {
            if (!times.get().machine().equals(here)) {
                return List.of();
            }
            Optional<Profile.Settings> settings = settingsOf(run);
            return times.get().groups().stream().map(e -> {
                Sample sample = new Sample(key(e.benchmark(), e.params()), e.seconds(), e.sideBySide(), e.loadAverage());
                Combination c = new Combination(e.benchmark(), BENCH_PACKAGE + e.benchmark(), e.params(), e.jvm());
                return settings.map(st -> sample.ranWith(TimingGroups.runs(c, st))).orElse(sample);
            }).toList();
        }
        if (!ranOn(run, here)) {
            return List.of();
        }
        return fromConsoleLog(run.resolve("console.log"));
    }

    private static final String BENCH_PACKAGE = "dev.mapleak.bench.";

    /**
     * The settings a run folder's groups ran with: its run.json's profile text, with {@code -f}/{@code -wi}/{@code -i}
     * given after {@code --} in place of the profile's; empty when run.json cannot say.
     */
    static Optional<Profile.Settings> settingsOf(Path run) {
        try {
            dev.mapleak.folder.RunFolder.Request r = dev.mapleak.folder.RunFolder.open(run).readRequest();
            Profile.Settings s = Profile.parse(r.profile(), r.profileText(), "run.json").settings();
            var jmh = BenchRun.parseJmhArgs(r.jmhArgs());
            if (jmh.getForkCount().hasValue() || jmh.getWarmupIterations().hasValue() || jmh.getMeasurementIterations().hasValue()) {
                return Optional.empty(); // the command line's counts beat every group's: not worth modelling here
            }
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Progress lines of a serial run's console.log (before times.json, every run was serial). */
    static List<Sample> fromConsoleLog(Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> {
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    Map<String, String> params = new HashMap<>();
                    for (String kv : m.group(2).strip().split(" ")) {
                        int eq = kv.indexOf('=');
                        if (eq > 0) {
                            params.put(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                    }
                    samples.add(new Sample(key(m.group(1), params), Double.parseDouble(m.group(3)), 1));
                }
            });
        } catch (IOException | java.io.UncheckedIOException | NumberFormatException e) {
            return List.of();
        }
        return samples;
    }

    /** Whether environment.json says the run was made on a machine like {@code here}. */
    static boolean ranOn(Path run, GroupTimes.Machine here) {
        try {
            JsonObject machine = JsonParser.parseString(Files.readString(run.resolve("environment.json")))
                    .getAsJsonObject().getAsJsonObject("machine");
            return machine != null && machine.get("cpus").getAsInt() == here.cpus()
                    && machine.get("cpuModel").getAsString().equals(here.cpuModel());
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return false;
        }
    }
}
