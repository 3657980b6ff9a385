package dev.mapleak.run;

import dev.mapleak.folder.Storage;
import dev.mapleak.folder.SubjectInfo;
import dev.mapleak.subject.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        return infos;
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
