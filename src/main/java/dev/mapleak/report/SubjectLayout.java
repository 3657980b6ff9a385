package dev.mapleak.report;

import dev.mapleak.folder.Storage;
import dev.mapleak.subject.Subject;

import java.util.Optional;

/**
 * How a subject stores values of a given size (INLINE or POINTER), asked of the subject itself: the layout is
 * a property of the code, not a measurement, so a report may look it up.
 */
public final class SubjectLayout {

    private SubjectLayout() {
    }

    /** Empty for a subject this build does not know (results from another version). */
    public static Optional<Storage> of(String subject, int valueSize) {
        try {
            return Optional.of(Subject.parse(subject).storageFor(valueSize));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String label(String subject, int valueSize) {
        return of(subject, valueSize).map(Enum::name).orElse("?");
    }
}
