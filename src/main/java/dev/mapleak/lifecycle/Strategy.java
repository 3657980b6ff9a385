package dev.mapleak.lifecycle;

import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;

import java.util.Optional;

/** What is done after the deletes to get memory back. */
public enum Strategy {
    /** Nothing: what a map keeps on its own. */
    KEEP {
        @Override
        public SubjectMap apply(SubjectMap map) {
            return map;
        }
    },
    /** The seed's remedy 1: copy the survivors into a new map sized for them, drop the old one. */
    REBUILD {
        @Override
        public SubjectMap apply(SubjectMap map) {
            return map.rebuild();
        }
    },
    /** The library's own shrink; not every subject has one. */
    TRIM {
        @Override
        public SubjectMap apply(SubjectMap map) {
            map.trim();
            return map;
        }
    },
    /** {@code clear()}: only equivalent to the deletes when everything was deleted. */
    CLEAR {
        @Override
        public SubjectMap apply(SubjectMap map) {
            map.clear();
            return map;
        }
    };

    /** Applies the strategy; the map to keep using is returned (REBUILD returns a new one). */
    public abstract SubjectMap apply(SubjectMap map);

    /**
     * Why this strategy makes no sense for {@code subject} after deleting {@code deleteFraction} of the
     * entries, or empty when it does. Such combinations are left out of runs, never run as failures.
     */
    public Optional<String> notApplicable(Subject subject, double deleteFraction) {
        if (this == TRIM && !subject.supportsTrim()) {
            return Optional.of(subject + " has no shrink of its own");
        }
        if (this == CLEAR && deleteFraction < 1.0) {
            return Optional.of("CLEAR would also drop the " + Math.round((1 - deleteFraction) * 100)
                    + "% of entries that survive deleteFraction=" + deleteFraction);
        }
        return Optional.empty();
    }

    /** The constant named {@code name}, or an exception that lists every valid name. */
    public static Strategy parse(String name) {
        for (Strategy s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; valid strategies: KEEP, REBUILD, TRIM, CLEAR");
    }
}
