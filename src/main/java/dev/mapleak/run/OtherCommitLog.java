package dev.mapleak.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A resume allowed to run on another commit than the one that started the folder ({@code --allow-other-commit})
 * says so in environment.json, under {@code "resumedByOtherCommits"}: the commit, when, and every group it
 * measured, added as each group is saved, so a reader knows exactly which results came from which code.
 */
final class OtherCommitLog {

    static final String KEY = "resumedByOtherCommits";

    private final RunFolder folder;
    private final JsonObject entry;
    /** Where this resume's entry is in the array; -1 until it is written. */
    private int index = -1;

    private final String recorded;

    private OtherCommitLog(RunFolder folder, String recorded, JsonObject entry) {
        this.folder = folder;
        this.recorded = recorded;
        this.entry = entry;
    }

    /** One line for the console: which commits, and where the groups are recorded. */
    String describe() {
        return "this folder was measured by commit " + recorded + " and this is " + entry.get("commit").getAsString()
                + " (--allow-other-commit): environment.json lists under '" + KEY + "' every group this commit measures";
    }

    /** Adds this resume's entry (no groups yet) to environment.json. */
    static OtherCommitLog start(RunFolder folder, String recordedCommit, Map<String, Object> currentMapleak) throws IOException {
        JsonObject entry = new JsonObject();
        entry.addProperty("commit", String.valueOf(currentMapleak.get("commit")));
        entry.addProperty("uncommittedChanges", String.valueOf(currentMapleak.get("uncommittedChanges")));
        entry.addProperty("resumedAt", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        entry.add("groups", new JsonArray());
        OtherCommitLog log = new OtherCommitLog(folder, recordedCommit, entry);
        log.save();
        return log;
    }

    /** Records that this commit measured {@code groupId}. */
    void measured(String groupId) throws IOException {
        entry.getAsJsonArray("groups").add(groupId);
        save();
    }

    /** Rewrites environment.json with this resume's entry in its place (the last one when it is new). */
    private void save() throws IOException {
        JsonObject env = ResumeCheck.environment(folder).orElseGet(JsonObject::new);
        JsonArray all = env.has(KEY) && env.get(KEY).isJsonArray() ? env.getAsJsonArray(KEY) : new JsonArray();
        if (index < 0) {
            index = all.size();
            all.add(entry);
        } else {
            all.set(index, entry);
        }
        env.add(KEY, all);
        RunFolder.writeAtomically(folder.dir().resolve("environment.json"), RunFolder.GSON.toJson(env));
    }
}
