package dev.mapleak.run;

import dev.mapleak.folder.Storage;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.folder.SubjectKind;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.subject.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What {@code subjects.json} says of each subject a plan measures, asked of the subjects themselves when the run
 * starts: the report reads it from the folder and never consults the {@link Subject} enum.
 */
public final class SubjectRecords {

    private SubjectRecords() {
    }

    /** Every subject the groups name, in enum order, with its storage at every value size the groups use. */
    static List<SubjectInfo> of(List<Combination> groups) {
        return of(groups, Optional.empty());
    }

    /** The same, and Go itself last when the groups include GO_RUNTIME's. */
    static List<SubjectInfo> of(List<Combination> groups, Optional<GoLifecycle> go) {
        Set<String> names = new LinkedHashSet<>();
        Set<Integer> sizes = new java.util.TreeSet<>();
        for (Combination c : groups) {
            if (c.param("subject") != null) {
                names.add(c.param("subject"));
            }
            if (c.param("valueSize") != null) {
                sizes.add(Integer.parseInt(c.param("valueSize")));
            }
        }
        Properties versions = Environment.buildProperties();
        List<SubjectInfo> infos = new ArrayList<>();
        for (Subject s : Subject.values()) {
            if (names.contains(s.name())) {
                infos.add(describe(s, sizes, versions));
            }
        }
        if (names.contains(GoLifecycle.SUBJECT) && go.isPresent()) {
            infos.add(goRuntime(go.get(), sizes));
            infos.add(goRuntimePointer(go.get(), sizes));
        }
        return infos;
    }

    /**
     * Go itself: storage is what the runtime does with a {@code map[int][N]byte} (values of at most 128 bytes inline
     * in the buckets, larger ones through a pointer); a group's {@code storage=POINTER} parameter marks the
     * {@code map[int]*[N]byte} variant, always POINTER, which the report shows as GO_RUNTIME_POINTER.
     */
    static SubjectInfo goRuntimePointer(GoLifecycle go, Set<Integer> valueSizes) {
        Map<String, Storage> storage = new LinkedHashMap<>();
        valueSizes.forEach(size -> storage.put(Integer.toString(size), Storage.POINTER));
        return new SubjectInfo(GoLifecycle.SUBJECT + "_POINTER", SubjectKind.GO_RUNTIME, "map[int]*[N]byte, "
                + go.toolchain().mapImplementation() + " maps", "Go " + go.toolchain().version(), true, storage);
    }

    static SubjectInfo goRuntime(GoLifecycle go, Set<Integer> valueSizes) {
        Map<String, Storage> storage = new LinkedHashMap<>();
        valueSizes.forEach(size -> storage.put(Integer.toString(size), size <= 128 ? Storage.INLINE : Storage.POINTER));
        return new SubjectInfo(GoLifecycle.SUBJECT, SubjectKind.GO_RUNTIME, "map[int][N]byte, "
                + go.toolchain().mapImplementation() + " maps", "Go " + go.toolchain().version(), true, storage);
    }

    /** Every subject mapleak has, as {@code subjects.json} would record it at {@code valueSizes}, for {@code list subjects}. */
    public static List<SubjectInfo> all(Set<Integer> valueSizes) {
        Properties versions = Environment.buildProperties();
        List<SubjectInfo> infos = new ArrayList<>();
        for (Subject s : Subject.values()) {
            infos.add(describe(s, valueSizes, versions));
        }
        return infos;
    }

    static SubjectInfo describe(Subject s, Set<Integer> valueSizes, Properties versions) {
        Map<String, Storage> storage = new LinkedHashMap<>();
        valueSizes.forEach(size -> storage.put(Integer.toString(size), s.storageFor(size)));
        String library = s.library().equals("JDK") || s.library().equals("mapleak") ? s.library()
                : s.library() + " " + versions.getProperty(s.library(), "unknown");
        return new SubjectInfo(s.name(), s.kind(), s.measuredClass().getName(), library, s.hasHashTable(), storage);
    }
}
