package dev.mapleak.folder;

import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The subjects of a run ({@code subjects.json}), and whether the run folder recorded them itself.
 *
 * <p>Run folders made before 2026-11-30 have no {@code subjects.json}. For them {@link #LEGACY} gives what
 * mapleak's subjects were on that day, frozen in a resource that is never regenerated from the code: those runs
 * were made by that code, and a report says it fell back to it.
 */
public record Subjects(List<SubjectInfo> all, boolean recorded) {

    static final String LEGACY_RESOURCE = "subjects-before-2026-11-30.json";
    public static final String LEGACY_NOTE = "this run folder has no subjects.json (it predates it): the kind, class "
            + "and storage of each map are mapleak's as of 2026-11-30";

    public Optional<SubjectInfo> find(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** What mapleak's subjects were when run folders began to record them. */
    public static Subjects legacy() {
        try (InputStream in = Subjects.class.getResourceAsStream(LEGACY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LEGACY_RESOURCE);
            }
            return new Subjects(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SubjectInfo> parse(String json) {
        try {
            List<SubjectInfo> list = RunFolder.GSON.fromJson(json, new TypeToken<List<SubjectInfo>>() { }.getType());
            if (list == null || list.stream().anyMatch(s -> s == null || s.name() == null || s.kind() == null)) {
                throw new JsonParseException("every subject needs a name and a kind");
            }
            return List.copyOf(list);
        } catch (RuntimeException e) {
            throw new UsageException("subjects.json: " + RunFolder.oneLine(e.getMessage()));
        }
    }
}
