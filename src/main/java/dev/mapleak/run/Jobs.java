package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.util.OptionalLong;

/**
 * How many memory groups a run measures at once ({@link GroupPool}), and where that number comes from: {@code --jobs N},
 * else the profile's {@code jobs}, else the number of cores. A number the machine's available memory cannot hold
 * (jobs × the forks' -Xmx) is lowered to what it can, with a line saying so, rather than refused: the figures do not
 * depend on jobs, only the wall time does.
 *
 * @param count   the number in effect
 * @param source  where it was asked for: "--jobs", "profiles/quick.properties:12" or "the number of cores"
 * @param lowered the line saying it was lowered, or null
 */
record Jobs(int count, String source, String lowered) {

    static final String CORES = "the number of cores";

    static Jobs resolve(Integer option, Profile profile, int cores, OptionalLong available) {
        return resolve(option, "--jobs", profile, cores, available);
    }

    /**
     * @param option       {@code --jobs}, or the jobs a resumed run recorded in its run.json; or null
     * @param optionSource where {@code option} came from: "--jobs" or "run.json"
     * @param available    the machine's available memory, when known
     */
    static Jobs resolve(Integer option, String optionSource, Profile profile, int cores, OptionalLong available) {
        int asked;
        String source;
        if (option != null) {
            if (option < 1) {
                throw new UsageException(optionSource + ": jobs must be a whole number >= 1, got " + option);
            }
            asked = option;
            source = optionSource;
        } else if (profile.settings().jobs() != Profile.JOBS_CORES) {
            asked = profile.settings().jobs();
            source = profile.where(Profile.JOBS);
        } else {
            asked = Math.max(1, cores);
            source = CORES;
        }
        String heap = profile.settings().heap();
        int fit = HeapPreflight.jobsThatFit(asked, HeapPreflight.parseSize(heap).orElseThrow(), available);
        String lowered = fit < asked ? HeapPreflight.jobsLowered(asked, fit, heap, source, available.getAsLong()) : null;
        return new Jobs(fit, source, lowered);
    }

    /** "jobs 2 (the number of cores)" */
    String describe() {
        return "jobs " + count + " (" + source + ")";
    }
}
