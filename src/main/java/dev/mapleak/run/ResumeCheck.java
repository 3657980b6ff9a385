package dev.mapleak.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.RunFolder;
import dev.mapleak.folder.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code --resume} checks before it measures anything into an existing folder: that the code is the code
 * that measured the folder (environment.json's commit), and that run.json still asks for the plan the run
 * started with (plan.json) on the JVMs environment.json records. Otherwise results of two commits, or of two
 * plans, would be filed under one folder's description of itself.
 */
final class ResumeCheck {

    private ResumeCheck() {
    }

    /** The commit recorded in environment.json, or empty when the folder does not say (unknown, or no such file). */
    static Optional<String> recordedCommit(RunFolder folder) {
        return environment(folder).map(env -> env.getAsJsonObject("mapleak"))
                .map(m -> m.get("commit")).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString)
                .filter(c -> !c.isBlank() && !c.equals("unknown"));
    }

    /**
     * Refuses when the folder was measured by another commit than {@code current}, unless the user allows it.
     *
     * @return the recorded commit when it differs from the current one and that is allowed
     */
    static Optional<String> commit(RunFolder folder, String current, boolean allowOtherCommit) {
        Optional<String> recorded = recordedCommit(folder);
        if (recorded.isEmpty() || current.equals("unknown") || recorded.get().equals(current)) {
            return Optional.empty();
        }
        if (!allowOtherCommit) {
            throw new UsageException(folder.dir() + " was measured by mapleak commit " + abbrev(recorded.get())
                    + " and this is " + abbrev(current) + ": check out " + abbrev(recorded.get())
                    + " to resume it, or start a new run (--allow-other-commit resumes anyway and records which groups "
                    + "this commit measured)");
        }
        return recorded;
    }

    /** Refuses when the plan run.json gives now is not the plan the run started with. */
    static void plan(RunFolder folder, Plan plan, List<JvmConfig> jvms) {
        Optional<PlanFile> saved = folder.readPlan();
        if (saved.isPresent()) {
            Set<String> before = new LinkedHashSet<>(saved.get().groups());
            Set<String> now = new LinkedHashSet<>(plan.toFile().groups());
            if (!before.equals(now)) {
                List<String> added = new ArrayList<>(now);
                added.removeAll(before);
                List<String> gone = new ArrayList<>(before);
                gone.removeAll(now);
                List<String> parts = new ArrayList<>();
                if (!added.isEmpty()) {
                    parts.add(count(added.size(), "group is", "groups are") + " new (e.g. " + added.get(0).replace(',', ' ') + ")");
                }
                if (!gone.isEmpty()) {
                    parts.add(count(gone.size(), "group of plan.json is", "groups of plan.json are") + " not planned now (e.g. "
                            + gone.get(0).replace(',', ' ') + ")");
                }
                throw new UsageException(folder.dir().resolve("run.json") + " no longer gives the plan in plan.json: "
                        + String.join(" and ", parts)
                        + "; a resume only finishes the plan its run started with: start a new run for another");
            }
        }
        environment(folder).map(env -> env.getAsJsonArray("jvms")).ifPresent(recorded -> {
            for (JsonElement e : recorded) {
                JsonObject j = e.getAsJsonObject();
                String label = j.get("label").getAsString();
                List<String> args = new ArrayList<>();
                j.getAsJsonArray("jvmArgs").forEach(a -> args.add(a.getAsString()));
                jvms.stream().filter(c -> c.label().equals(label)).findFirst()
                        .filter(c -> !profileFlags(c, c.allArgs()).equals(profileFlags(c, args)))
                        .ifPresent(c -> {
                            throw new UsageException(folder.dir().resolve("run.json") + " now gives JVM '" + label
                                    + "' the flags " + String.join(" ", profileFlags(c, c.allArgs()))
                                    + ", and environment.json records " + String.join(" ", profileFlags(c, args))
                                    + "; a resume only finishes the run as it started: start a new run for other flags");
                        });
            }
        });
    }

    /**
     * The flags a profile chose, without those mapleak adds to every fork ({@link JvmConfig#measurementArgs()}): its
     * {@code -javaagent:} names the jar's path, which may differ between the start and the resume of one run.
     */
    private static List<String> profileFlags(JvmConfig c, List<String> all) {
        Set<String> added = new LinkedHashSet<>(c.measurementArgs());
        return all.stream().filter(a -> !added.contains(a) && !a.startsWith("-javaagent:")).toList();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The first 12 characters of a commit, as messages show it. */
    static String abbrev(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** environment.json as a JSON object, or empty when it is missing or unreadable (a report says so, not this). */
    static Optional<JsonObject> environment(RunFolder folder) {
        Path file = folder.dir().resolve("environment.json");
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
