package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Every group is measured in a JVM forked with the profile's JDK and flags, which is what environment.json,
 * the results and the report say it ran on. With zero forks JMH would measure inside the runner's own JVM
 * ({@code -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1}, see run-bench.sh) and every figure would be filed
 * under flags it never ran with, so a fork count below 1, from the profile or from {@code -f} after
 * {@code --}, is refused before anything runs (the dry run included).
 */
final class ForkCount {

    private ForkCount() {
    }

    /** The number of forks each group gets: {@code -f} after {@code --} when given, else the profile's. */
    static int check(Profile profile, CommandLineOptions jmhOptions) {
        if (jmhOptions.getForkCount().hasValue()) {
            int forks = jmhOptions.getForkCount().get();
            if (forks < 1) {
                throw new UsageException("-f " + forks + " after '--' would measure in the runner's own JVM instead of "
                        + "one with the profile's JVM flags; give -f 1 or more (or leave -f out)");
            }
            return forks;
        }
        int forks = profile.settings().forks();
        if (forks < 1) {
            throw new UsageException(profile.where(Profile.FORKS) + ": forks = " + forks + " would measure in the "
                    + "runner's own JVM instead of one with the profile's JVM flags; forks must be at least 1");
        }
        return forks;
    }
}
