package dev.mapleak.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.UsageException;
import dev.mapleak.report.ReportCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code ./run-bench.sh merge SHARD_DIR... [--out DIR]}: the run folders of a sharded run ({@code --shard K/N} on N
 * machines) combined into one new run folder with its report, as if one machine had run the whole plan.
 *
 * <p>Everything is checked before anything is written: the folders must be shards of one plan, made with the same
 * profile, overrides and options, by the same mapleak commit, no shard given twice and no group measured in two
 * folders. A group no folder has (a shard not given, or one interrupted before it finished) is named in the merged
 * folder as a failure record that says so, so the report lists it and {@code --resume} on the merged folder can
 * measure it here. The shard folders are only read.
 */
public final class ShardMerge {

    /** One shard folder, read. */
    private record Part(Path dir, RunFolder folder, RunFolder.Request request, PlanFile plan, JsonObject environment,
                        Shard shard) {
        String commit() {
            return ResumeCheck.recordedCommit(folder).orElse("unknown");
        }
    }

    private ShardMerge() {
    }

    /** Exit status: 0 every group of the plan is in the merge, 1 some are missing or failed, 2 bad input. */
    public static int merge(List<Path> dirs, Path reportsDir, PrintStream out) throws IOException {
        if (dirs.isEmpty()) {
            throw new UsageException("merge needs the shard folders: ./run-bench.sh merge SHARD_DIR... [--out DIR]");
        }
        List<Part> parts = new ArrayList<>();
        for (Path dir : dirs) {
            parts.add(read(dir));
        }
        parts.sort(java.util.Comparator.comparingInt(p -> p.shard().index()));
        check(parts);
        Map<String, Path> results = new TreeMap<>();
        Map<String, Path> failures = new TreeMap<>();
        for (Part p : parts) {
            collect(p, p.folder().results(), results);
            collect(p, p.folder().failures(), failures);
        }

        Part first = parts.get(0);
        RunFolder merged = RunFolder.create(reportsDir, first.request().profile() + "-merged", LocalDateTime.now());
        RunFolder.Request r = first.request();
        merged.writeRequest(new RunFolder.Request(r.profile(), r.profileText(), r.paramOverrides(), r.jmhArgs(),
                r.profilers(), LocalDateTime.now().toString(), null, r.jobs()));
        merged.writePlan(new PlanFile(first.plan().planGroups(), first.plan().notApplicable()));
        Files.copy(first.folder().subjectsFile(), merged.subjectsFile());
        RunFolder.writeAtomically(merged.dir().resolve("environment.json"), RunFolder.GSON.toJson(environment(parts)));
        for (Path f : results.values()) {
            Files.copy(f, merged.results().resolve(f.getFileName()));
        }
        for (Map.Entry<String, Path> f : failures.entrySet()) {
            if (!results.containsKey(f.getKey())) {
                Files.createDirectories(merged.failures());
                Files.copy(f.getValue(), merged.failures().resolve(f.getValue().getFileName()));
            }
        }
        List<String> missing = missing(parts, results.keySet(), failures.keySet(), merged);
        StringBuilder log = new StringBuilder();
        for (Part p : parts) {
            log.append("== shard ").append(p.shard()).append(": ").append(p.dir()).append('\n');
            Path console = p.folder().consoleLog();
            if (Files.isRegularFile(console)) {
                log.append(Files.readString(console));
            }
        }
        RunFolder.writeAtomically(merged.consoleLog(), log.toString());

        int n = first.shard().count();
        out.println("mapleak: merged " + parts.size() + " of " + n + " shards (" + results.size() + " of "
                + first.plan().planGroups().size() + " groups measured) → " + merged.dir());
        missing.forEach(m -> out.println("mapleak: missing " + m));
        boolean rendered = ReportCommand.renderFolder(merged.dir(), out::println);
        int failed = (int) failures.keySet().stream().filter(id -> !results.containsKey(id)).count();
        if (!missing.isEmpty() || failed > 0) {
            out.println("mapleak: " + (missing.size() + failed) + " group(s) missing or failed; ./run-bench.sh --resume "
                    + merged.dir() + " measures them on this machine");
            return 1;
        }
        return rendered ? 0 : 1;
    }

    private static Part read(Path dir) {
        RunFolder folder = RunFolder.open(dir);
        RunFolder.Request request = folder.readRequest();
        PlanFile plan = folder.readPlan().orElseThrow(() -> new UsageException(dir + " has no plan.json: not a shard folder"));
        if (plan.shard() == null || request.shard() == null) {
            throw new UsageException(dir + " is not a shard folder (it ran the whole plan); merge takes folders of "
                    + "./run-bench.sh PROFILE --shard K/N");
        }
        if (!Files.isRegularFile(folder.subjectsFile())) {
            throw new UsageException(dir + " has no subjects.json");
        }
        Path env = dir.resolve("environment.json");
        try {
            JsonObject environment = JsonParser.parseString(Files.readString(env)).getAsJsonObject();
            return new Part(dir, folder, request, plan, environment, Shard.parse(plan.shard()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UsageException u) {
                throw u;
            }
            throw new UsageException("cannot read " + env + ": " + e.getMessage());
        }
    }

    /** Every shard of one plan, from one profile, one set of overrides and options, one commit; each shard once. */
    private static void check(List<Part> parts) {
        Part first = parts.get(0);
        Map<Integer, Path> seen = new LinkedHashMap<>();
        for (Part p : parts) {
            RunFolder.Request a = first.request();
            RunFolder.Request b = p.request();
            if (!a.profile().equals(b.profile()) || !a.profileText().equals(b.profileText())) {
                throw new UsageException(p.dir() + " was made with profile '" + b.profile() + "' as written then, "
                        + first.dir() + " with '" + a.profile() + "' as written then: shards of one run share one profile");
            }
            if (!Objects.equals(a.paramOverrides(), b.paramOverrides()) || !Objects.equals(a.jmhArgs(), b.jmhArgs())
                    || !Objects.equals(a.profilers(), b.profilers())) {
                throw new UsageException(p.dir() + " and " + first.dir() + " were run with different overrides or options ("
                        + b.paramOverrides() + " " + b.jmhArgs() + " vs " + a.paramOverrides() + " " + a.jmhArgs() + ")");
            }
            if (!p.commit().equals(first.commit())) {
                throw new UsageException(p.dir() + " was measured by mapleak commit " + ResumeCheck.abbrev(p.commit()) + ", "
                        + first.dir() + " by " + ResumeCheck.abbrev(first.commit()) + ": shards of one run come from one commit");
            }
            if (p.shard().count() != first.shard().count() || !p.plan().planGroups().equals(first.plan().planGroups())) {
                throw new UsageException(p.dir() + " (shard " + p.shard() + ") and " + first.dir() + " (shard "
                        + first.shard() + ") are parts of different plans");
            }
            Path twice = seen.put(p.shard().index(), p.dir());
            if (twice != null) {
                throw new UsageException("shard " + p.shard() + " given twice: " + twice + " and " + p.dir());
            }
        }
    }

    /** A group's file from one folder; the same group measured in two folders is refused. */
    private static void collect(Part p, Path dir, Map<String, Path> into) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".json")
                    && !x.getFileName().toString().startsWith(".")).sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.json$", "");
                Path other = into.put(id, f);
                if (other != null) {
                    throw new UsageException("group " + id.replace(',', ' ') + " is in two shard folders: " + other.getParent()
                            .getParent() + " and " + p.dir() + "; shards of one run never overlap");
                }
            }
        }
    }

    /**
     * The plan's groups no folder measured or recorded as failed, each written as a failure record that says why,
     * so the report lists them and a resume of the merged folder measures them.
     */
    private static List<String> missing(List<Part> parts, Set<String> measured, Set<String> failed, RunFolder merged)
            throws IOException {
        Set<String> given = new LinkedHashSet<>();
        parts.forEach(p -> given.addAll(p.plan().groups()));
        Set<Integer> indexes = new LinkedHashSet<>();
        parts.forEach(p -> indexes.add(p.shard().index()));
        int n = parts.get(0).shard().count();
        List<String> lines = new ArrayList<>();
        for (String id : parts.get(0).plan().planGroups()) {
            if (measured.contains(id) || failed.contains(id)) {
                continue;
            }
            String reason = given.contains(id)
                    ? "missing from the merge: its shard folder has no result for it (interrupted? --resume that folder, then merge again)"
                    : "missing from the merge: it belongs to a shard that was not given (shards given: " + indexes + " of " + n + ")";
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            record.put("reason", reason);
            RunFolder.writeAtomically(merged.failureFile(id), RunFolder.GSON.toJson(record));
            lines.add(id.replace(',', ' ') + ": " + reason);
        }
        return lines;
    }

    /** The first shard's environment, and for every shard where and by what it was measured. */
    private static JsonObject environment(List<Part> parts) {
        JsonObject env = parts.get(0).environment().deepCopy();
        JsonArray from = new JsonArray();
        for (Part p : parts) {
            JsonObject o = new JsonObject();
            o.addProperty("shard", p.shard().toString());
            o.addProperty("folder", p.dir().getFileName().toString());
            o.addProperty("createdAt", p.request().createdAt());
            o.addProperty("commit", p.commit());
            if (p.environment().has("machine")) {
                o.add("machine", p.environment().get("machine"));
            }
            if (p.environment().has("jvms")) {
                o.add("jvms", p.environment().get("jvms"));
            }
            from.add(o);
        }
        env.add("mergedFrom", from);
        env.addProperty("command", "./run-bench.sh merge " + String.join(" ",
                parts.stream().map(p -> p.dir().getFileName().toString()).toList()));
        return env;
    }
}
