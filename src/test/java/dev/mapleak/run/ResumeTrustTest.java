package dev.mapleak.run;

import dev.mapleak.cli.Main;
import dev.mapleak.cli.MainBadInputTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, defect 4: a resume no longer trusts its folder blindly. From another commit than the one that measured
 * the folder it is refused (exit 2, one line, nothing changed), unless allowed, and then environment.json names
 * every group the other commit measured; a run.json edited so that its plan or its JVM flags are no longer the
 * run's (plan.json, environment.json) is refused.
 *
 * <p>One real run of a one-group profile, in a project folder that is a git repository so it has a commit; each
 * test resumes a copy of it with its result removed.
 */
class ResumeTrustTest {

    static final String ONE_GROUP = MainBadInputTest.GOOD.replace("benchmarks = LifecycleBenchmark", "benchmarks = LifecycleBenchmark.fill")
            .replace("strategy = KEEP\n", "");

    @TempDir
    static Path home;
    static Path measured;
    static String head;

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneRealRun() throws Exception {
        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/one.properties"), ONE_GROUP);
        git("init", "-q");
        git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "t");
        head = git("rev-parse", "HEAD").strip();
        Result first = main("one");
        assertEquals(0, first.status(), "the run to resume: " + first.err() + first.out());
        try (Stream<Path> s = Files.list(home.resolve("reports"))) {
            measured = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    record Result(int status, String out, String err) {
    }

    static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(home, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", home.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** A copy of the measured folder with its one result removed, so a resume has a group to measure. */
    private Path copyToResume() throws IOException {
        Path copy = tmp.resolve(measured.getFileName().toString());
        try (Stream<Path> files = Files.walk(measured)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(measured.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        try (Stream<Path> results = Files.list(copy.resolve("results"))) {
            for (Path r : results.toList()) {
                Files.delete(r);
            }
        }
        return copy;
    }

    private static void editJson(Path file, java.util.function.Consumer<JsonObject> edit) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(o);
        Files.writeString(file, RunFolder.GSON.toJson(o));
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return all;
    }

    private static String refused(Path run) throws IOException {
        Map<String, String> before = snapshot(run);
        Result r = main("--resume", run.toString());
        assertEquals(2, r.status(), r.err() + r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
        Map<String, String> after = snapshot(run);
        after.remove(FolderLock.FILE);
        before.remove(FolderLock.FILE);
        assertEquals(before, after, "a refused resume changes nothing");
        return r.err().strip();
    }

    @Test
    void anotherCommitIsRefused() throws IOException {
        Path run = copyToResume();
        editJson(run.resolve("environment.json"), env -> env.getAsJsonObject("mapleak").addProperty("commit",
                "0123456789abcdef0123456789abcdef01234567"));
        assertEquals("mapleak: " + run + " was measured by mapleak commit 0123456789ab and this is "
                + head.substring(0, 12) + ": check out 0123456789ab to resume it, or start a new run "
                + "(--allow-other-commit resumes anyway and records which groups this commit measured)", refused(run));
    }

    @Test
    void anotherCommitWhenAllowedIsRecordedPerGroup() throws IOException {
        Path run = copyToResume();
        editJson(run.resolve("environment.json"), env -> env.getAsJsonObject("mapleak").addProperty("commit",
                "0123456789abcdef0123456789abcdef01234567"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new BenchRun(home, new PrintStream(out, true, StandardCharsets.UTF_8), JdkDiscovery.system())
                .resume(run, false, true, List.of("./run-bench.sh", "--resume", run.toString(), "--allow-other-commit"));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        String id = "LifecycleBenchmark.fill,subject=JDK_HASH_MAP,valueSize=128,keys=SEQUENTIAL,entries=1000";
        assertTrue(Files.isRegularFile(run.resolve("results/" + id + ".json")));
        JsonObject env = JsonParser.parseString(Files.readString(run.resolve("environment.json"))).getAsJsonObject();
        JsonObject entry = env.getAsJsonArray(OtherCommitLog.KEY).get(0).getAsJsonObject();
        assertEquals(head, entry.get("commit").getAsString());
        assertEquals(List.of(id), entry.getAsJsonArray("groups").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals("0123456789abcdef0123456789abcdef01234567", env.getAsJsonObject("mapleak").get("commit").getAsString(),
                "the folder's own commit stays what started it");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mapleak: this folder was measured by commit "
                + "0123456789abcdef0123456789abcdef01234567 and this is " + head), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSameCommitResumes() throws IOException {
        Path run = copyToResume();
        Result r = main("--resume", run.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("mapleak: 1 groups to run"), r.out());
    }

    @Test
    void anEditedPlanIsRefused() throws IOException {
        Path run = copyToResume();
        editJson(run.resolve("run.json"), req -> req.addProperty("profileText",
                req.get("profileText").getAsString().replace("entries = 1000", "entries = 2000")));
        assertEquals("mapleak: " + run.resolve("run.json") + " no longer gives the plan in plan.json: 1 group is new "
                + "(e.g. LifecycleBenchmark.fill subject=JDK_HASH_MAP valueSize=128 keys=SEQUENTIAL entries=2000) and 1 group "
                + "of plan.json is not planned now (e.g. LifecycleBenchmark.fill subject=JDK_HASH_MAP valueSize=128 "
                + "keys=SEQUENTIAL entries=1000); a resume only finishes the plan its run started with: start a new run "
                + "for another", refused(run));
    }

    @Test
    void editedJvmFlagsAreRefused() throws IOException {
        Path run = copyToResume();
        editJson(run.resolve("run.json"), req -> req.addProperty("profileText",
                req.get("profileText").getAsString().replace("heap = 256m", "heap = 300m")));
        assertEquals("mapleak: " + run.resolve("run.json") + " now gives JVM 'default' the flags -Xmx300m, and "
                + "environment.json records -Xmx256m; a resume only finishes the run as it started: start a new run "
                + "for other flags", refused(run));
    }

    @Test
    void aFolderWithoutItsCommitIsStillResumed() throws IOException {
        // Folders made outside a git checkout record "unknown": there is nothing to compare.
        Path run = copyToResume();
        editJson(run.resolve("environment.json"), env -> env.getAsJsonObject("mapleak").addProperty("commit", "unknown"));
        assertFalse(ResumeCheck.commit(RunFolder.open(run), head, false).isPresent());
    }
}
