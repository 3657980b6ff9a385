package dev.mapleak.folder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One run's folder, {@code reports/<yyyyMMdd-HHmmss>-<profile>/}:
 * <pre>
 *   run.json           what was asked (profile text, overrides, options): enough to resume it
 *   environment.json   JDKs, collectors, every JVM flag, machine, mapleak version and commit
 *   subjects.json      every subject measured: its kind, class, library and version, storage per value size
 *   plan.json          every group of the run, and the combinations left out as not applicable, with why
 *   console.log        everything printed
 *   times.json         how long each group took (the runner's, for later time estimates; the report never reads it)
 *   results/ID.json    JMH's JSON for one group, written when the group ends
 *   failures/ID.json   a group whose fork died: the reason and the tail of its output
 *   summary.md         the seed's table for Java
 * </pre>
 * Folders are created atomically: two runs never share or overwrite one.
 */
public final class RunFolder {

    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * What {@code run.json} holds.
     *
     * @param shard "K/N" when the run is one part of a sharded plan ({@code --shard}), null otherwise
     * @param jobs  how many memory groups ran at once ({@code --jobs}, the profile's {@code jobs} or the number of
     *              cores, lowered to what the machine's memory holds); null in folders made before jobs existed
     */
    public record Request(String profile, String profileText, Map<String, List<String>> paramOverrides,
                          List<String> jmhArgs, List<String> profilers, String createdAt, String shard, Integer jobs) {

        /** A request of a serial run, as recorded before jobs existed. */
        public Request(String profile, String profileText, Map<String, List<String>> paramOverrides,
                       List<String> jmhArgs, List<String> profilers, String createdAt, String shard) {
            this(profile, profileText, paramOverrides, jmhArgs, profilers, createdAt, shard, null);
        }
    }

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a new, empty run folder under {@code reportsDir}; never reuses one. */
    public static RunFolder create(Path reportsDir, String profile, LocalDateTime now) throws IOException {
        Files.createDirectories(reportsDir);
        String base = now.format(STAMP) + "-" + profile;
        for (int n = 1; ; n++) {
            Path candidate = reportsDir.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
                RunFolder folder = new RunFolder(candidate);
                Files.createDirectories(folder.results());
                return folder;
            } catch (FileAlreadyExistsException e) {
                // another run took this name in the same second: try the next
            }
        }
    }

    /** An existing run folder, for {@code --resume} and {@code report}. */
    public static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new UsageException(dir + " is not a run folder (it has no run.json); run folders are under reports/");
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path results() {
        return dir.resolve("results");
    }

    public Path failures() {
        return dir.resolve("failures");
    }

    public Path consoleLog() {
        return dir.resolve("console.log");
    }

    /** Where the group {@code groupId} (a {@code Combination} id) has its JMH JSON once it is measured. */
    public Path resultFile(String groupId) {
        return results().resolve(groupId + ".json");
    }

    public Path failureFile(String groupId) {
        return failures().resolve(groupId + ".json");
    }

    public boolean hasResult(String groupId) {
        return Files.isRegularFile(resultFile(groupId));
    }

    public Path subjectsFile() {
        return dir.resolve("subjects.json");
    }

    /** {@code subjects.json}: what each subject of the run is, so a report need not ask the current code. */
    public void writeSubjects(List<SubjectInfo> subjects) throws IOException {
        writeAtomically(subjectsFile(), GSON.toJson(subjects));
    }

    /** The run's subjects as it recorded them, or {@link Subjects#legacy()} for a folder made before that. */
    public Subjects readSubjects() {
        if (!Files.isRegularFile(subjectsFile())) {
            return Subjects.legacy();
        }
        try {
            return new Subjects(Subjects.parse(Files.readString(subjectsFile())), true);
        } catch (IOException e) {
            throw new UsageException("cannot read " + subjectsFile() + ": " + e.getMessage());
        }
    }

    public Path planFile() {
        return dir.resolve("plan.json");
    }

    /** {@code plan.json}: what the run consists of, so a report can say what was left out without the profile. */
    public void writePlan(PlanFile plan) throws IOException {
        writeAtomically(planFile(), GSON.toJson(plan));
    }

    /** {@code plan.json}, or empty for a folder made before it existed. */
    public java.util.Optional<PlanFile> readPlan() {
        if (!Files.isRegularFile(planFile())) {
            return java.util.Optional.empty();
        }
        try {
            PlanFile plan = GSON.fromJson(Files.readString(planFile()), PlanFile.class);
            if (plan == null || plan.groups() == null) {
                throw new UsageException(planFile() + " is not a mapleak plan.json (no groups in it)");
            }
            return java.util.Optional.of(plan);
        } catch (IOException | JsonParseException e) {
            throw new UsageException("cannot read " + planFile() + ": " + oneLine(e.getMessage()));
        }
    }

    public void writeRequest(Request request) throws IOException {
        writeAtomically(dir.resolve("run.json"), GSON.toJson(request));
    }

    public Request readRequest() {
        Path file = dir.resolve("run.json");
        try {
            Request r = GSON.fromJson(Files.readString(file), Request.class);
            if (r == null || r.profile() == null || r.profileText() == null) {
                throw new UsageException(file + " is not a mapleak run.json (no profile in it)");
            }
            return r;
        } catch (IOException | JsonParseException e) {
            throw new UsageException("cannot read " + file + ": " + oneLine(e.getMessage()));
        }
    }

    /**
     * Writes through a temporary file and a rename, so a run killed mid-write (even with {@code kill -9})
     * leaves either the whole file or none.
     */
    public static void writeAtomically(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // A failed write ("No space left on device") names no file; the message to the user must.
            Files.deleteIfExists(tmp);
            FileSystemException named = new FileSystemException(target.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
        }
        move(tmp, target);
    }

    /** The first line of a library's message (Gson adds a second one with a troubleshooting link). */
    static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
