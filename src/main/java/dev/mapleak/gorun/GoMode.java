package dev.mapleak.gorun;

import java.util.Locale;

/** The profile key {@code go}: whether a run also measures Go's own maps (subject GO_RUNTIME). */
public enum GoMode {
    /** No GO_RUNTIME groups (the default). */
    OFF,
    /** GO_RUNTIME groups when a Go toolchain is installed; without one, a single line says so and the run goes on. */
    OPTIONAL,
    /** GO_RUNTIME groups, and no run at all (exit 2) without a Go toolchain. */
    REQUIRED;

    /** {@code off}, {@code optional} or {@code required}; an exception that lists them otherwise. */
    public static GoMode parse(String value) {
        for (GoMode m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("go must be off, optional or required, got '" + value + "'");
    }
}
