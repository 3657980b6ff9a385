package dev.mapleak.run;

import java.util.OptionalInt;

/**
 * The run counts a profile sets for one benchmark class ({@code OperationsBenchmark.forks = 1},
 * {@code OperationsBenchmark.warmupIterations = 1}, {@code OperationsBenchmark.iterations = 3}), each replacing, for
 * that class's groups only, what the profile would otherwise give them: {@code forks}/{@code warmupIterations}/
 * {@code iterations}, or {@code timing.*} for a {@link dev.mapleak.measure.TimingPass} class. One profile can then
 * give its memory groups one cold shot and its timed groups the warm-up and shots a time needs
 * ({@link TimingGroups#forks} and its siblings resolve them).
 */
public record ClassRuns(OptionalInt forks, OptionalInt warmupIterations, OptionalInt iterations) {

    /** A class the profile sets nothing for. */
    public static final ClassRuns NONE = new ClassRuns(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    /** The profile keys, after {@code BenchmarkClass.}, that set one of the counts. */
    static final java.util.List<String> KEYS = java.util.List.of(Profile.FORKS, Profile.WARMUPS, Profile.ITERATIONS);

    /** A copy with the count named by {@code key} ({@link #KEYS}) set to {@code n}. */
    ClassRuns with(String key, int n) {
        return switch (key) {
            case Profile.FORKS -> new ClassRuns(OptionalInt.of(n), warmupIterations, iterations);
            case Profile.WARMUPS -> new ClassRuns(forks, OptionalInt.of(n), iterations);
            case Profile.ITERATIONS -> new ClassRuns(forks, warmupIterations, OptionalInt.of(n));
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The count named by {@code key} ({@link #KEYS}), if set. */
    OptionalInt get(String key) {
        return switch (key) {
            case Profile.FORKS -> forks;
            case Profile.WARMUPS -> warmupIterations;
            case Profile.ITERATIONS -> iterations;
            default -> throw new IllegalArgumentException(key);
        };
    }
}
