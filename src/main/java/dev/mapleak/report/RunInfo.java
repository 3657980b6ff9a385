package dev.mapleak.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was run, read from a run folder's {@code run.json} and {@code environment.json}: profile, date,
 * JVMs with their collectors and flags, machine, mapleak commit and the command that made it, and how the run was
 * narrowed from its profile ({@code paramOverrides}: {@code -p} values after {@code --}; {@code jmhArgs}). A missing or
 * broken file leaves its fields empty and is named in {@link #problems()}.
 */
public record RunInfo(String name, String profile, String createdAt, String command, String commit,
                      boolean uncommittedChanges, String version, List<Jvm> jvms, List<String> jvmsLeftOut,
                      String machine, List<String> problems, Map<String, List<String>> paramOverrides,
                      List<String> jmhArgs, String profileText) {

    /**
     * One JVM configuration the forks ran on.
     *
     * @param heapAfterGc how heap-after-GC was read on it, or why it could not be ({@code environment.json}); may be empty
     * @param regionBytes G1's region size in effect, 0 where the run did not record it or the collector is not G1
     */
    public record Jvm(String label, String javaVersion, String vendor, String gc, List<String> args,
                      boolean compactHeaders, String heapAfterGc, long regionBytes) {

        /** Whether the heap-after-GC probe cannot answer on this JVM (System.gc() disabled or concurrent). */
        public boolean heapUnmeasurable() {
            return heapAfterGc.startsWith("not measurable");
        }
    }

    public static RunInfo read(Path runDir) {
        List<String> problems = new ArrayList<>();
        JsonObject run = object(runDir.resolve("run.json"), problems);
        JsonObject env = object(runDir.resolve("environment.json"), problems);
        List<Jvm> jvms = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try {
            if (env.has("jvms") && env.get("jvms").isJsonArray()) {
                for (JsonElement e : env.getAsJsonArray("jvms")) {
                    JsonObject j = e.getAsJsonObject();
                    List<String> args = new ArrayList<>();
                    if (j.has("jvmArgs")) {
                        j.getAsJsonArray("jvmArgs").forEach(a -> args.add(a.getAsString()));
                    }
                    jvms.add(new Jvm(str(j, "label"), str(j, "javaVersion"), str(j, "javaVendor"), str(j, "gc"),
                            List.copyOf(args), j.has("useCompactObjectHeaders") && j.get("useCompactObjectHeaders").getAsBoolean(),
                            str(j, "heapAfterGc"), regionBytes(j)));
                }
            }
            if (env.has("jvmsLeftOut") && env.get("jvmsLeftOut").isJsonArray()) {
                env.getAsJsonArray("jvmsLeftOut").forEach(l -> leftOut.add(l.getAsString()));
            }
        } catch (RuntimeException e) {
            problems.add("environment.json: unexpected content (" + e.getMessage() + ")");
        }
        JsonObject mapleak = env.has("mapleak") ? env.getAsJsonObject("mapleak") : new JsonObject();
        String profile = str(run, "profile").isEmpty() ? str(env, "profile") : str(run, "profile");
        return new RunInfo(runDir.toAbsolutePath().normalize().getFileName().toString(), profile,
                str(run, "createdAt"), str(env, "command"), str(mapleak, "commit"),
                mapleak.has("uncommittedChanges") && mapleak.get("uncommittedChanges").getAsBoolean(),
                str(mapleak, "version"), List.copyOf(jvms), List.copyOf(leftOut), machine(env), List.copyOf(problems),
                overrides(run, problems), strings(run, "jmhArgs"), str(run, "profileText"));
    }

    /** run.json's {@code paramOverrides}: parameter → the values that replaced the profile's, in the file's order. */
    private static Map<String, List<String>> overrides(JsonObject run, List<String> problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (run.has("paramOverrides") && run.get("paramOverrides").isJsonObject()) {
            try {
                run.getAsJsonObject("paramOverrides").entrySet().forEach(e -> {
                    List<String> vs = new ArrayList<>();
                    e.getValue().getAsJsonArray().forEach(v -> vs.add(v.getAsString()));
                    out.put(e.getKey(), List.copyOf(vs));
                });
            } catch (RuntimeException e) {
                problems.add("run.json: unexpected paramOverrides (" + e.getMessage() + ")");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key) && o.get(key).isJsonArray()) {
            o.getAsJsonArray(key).forEach(v -> out.add(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
        }
        return List.copyOf(out);
    }

    /** Whether the run measured less than its profile asks for: parameters replaced with -p, or JMH options added. */
    public boolean narrowed() {
        return !paramOverrides.isEmpty() || !jmhArgs.isEmpty();
    }

    /** {@code heapSizing.G1HeapRegionSize} of one JVM in environment.json; 0 when absent (older runs, other collectors). */
    private static long regionBytes(JsonObject jvm) {
        if (jvm.has("heapSizing") && jvm.get("heapSizing").isJsonObject()) {
            JsonObject h = jvm.getAsJsonObject("heapSizing");
            if (h.has("G1HeapRegionSize") && h.get("G1HeapRegionSize").isJsonPrimitive()) {
                return h.get("G1HeapRegionSize").getAsLong();
            }
        }
        return 0;
    }

    /** The date and time the run started, {@code 2026-11-24 07:15}, or the folder name's stamp. */
    public String date() {
        if (createdAt.length() >= 16) {
            return createdAt.substring(0, 10) + " " + createdAt.substring(11, 16);
        }
        if (name.matches("\\d{8}-\\d{6}.*")) {
            return name.substring(0, 4) + "-" + name.substring(4, 6) + "-" + name.substring(6, 8) + " "
                    + name.substring(9, 11) + ":" + name.substring(11, 13);
        }
        return "unknown";
    }

    /** "JDK 17.0.15 (Debian), G1" for each JVM, joined. */
    public String jvmSummary() {
        if (jvms.isEmpty()) {
            return "unknown (no environment.json)";
        }
        List<String> parts = new ArrayList<>();
        for (Jvm j : jvms) {
            parts.add((jvms.size() > 1 ? j.label() + ": " : "") + "JDK " + j.javaVersion()
                    + (j.vendor().isEmpty() ? "" : " (" + j.vendor() + ")") + ", " + j.gc()
                    + (j.compactHeaders() ? ", compact object headers" : ""));
        }
        return String.join("; ", parts);
    }

    public Optional<Jvm> jvm(String label) {
        return jvms.stream().filter(j -> j.label().equals(label)).findFirst();
    }

    /** The commit, shortened, with a warning when the checkout had uncommitted changes. */
    public String commitDescription() {
        if (commit.isEmpty() || commit.equals("unknown")) {
            return "unknown (not run from a git checkout)";
        }
        return "`" + commit.substring(0, Math.min(12, commit.length())) + "`"
                + (uncommittedChanges ? " with uncommitted changes (the numbers may not be reproducible from the commit alone)" : "");
    }

    /** The commands that reproduce the run. */
    public String reproduce() {
        String cmd = command.isEmpty() ? "./run-bench.sh " + (profile.isEmpty() ? "PROFILE" : profile) : command;
        if (commit.isEmpty() || commit.equals("unknown")) {
            return cmd;
        }
        return "git checkout " + commit + " && " + cmd;
    }

    private static String machine(JsonObject env) {
        if (!env.has("machine") || !env.get("machine").isJsonObject()) {
            return "unknown";
        }
        JsonObject m = env.getAsJsonObject("machine");
        List<String> parts = new ArrayList<>();
        if (m.has("cpus")) {
            parts.add(m.get("cpus").getAsInt() + " CPUs" + (str(m, "cpuModel").isEmpty() ? "" : " (" + str(m, "cpuModel") + ")"));
        }
        if (m.has("memoryBytes") && !m.get("memoryBytes").isJsonNull()) {
            parts.add(Format.gib(m.get("memoryBytes").getAsDouble()) + " RAM");
        }
        if (!str(m, "os").isEmpty()) {
            parts.add(str(m, "os"));
        }
        return String.join(", ", parts);
    }

    private static JsonObject object(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + ": missing");
            return new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) {
                problems.add(file.getFileName() + ": not a JSON object");
                return new JsonObject();
            }
            return e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + ": invalid or truncated JSON (" + e.getMessage() + ")");
            return new JsonObject();
        }
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }
}
