package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where jobs comes from, and how the machine's memory lowers it. */
class JobsTest {

    static final long GIB = 1L << 30;

    static Profile profile(String extra) {
        return Profile.parse("p", "description = d\nbenchmarks = LifecycleBenchmark\nheap = 4g\n" + extra, "profiles/p.properties");
    }

    @Test
    void theOptionWinsThenTheProfileThenTheCores() {
        Profile withJobs = profile("jobs = 3\n");
        assertEquals(new Jobs(5, "--jobs", null), Jobs.resolve(5, withJobs, 2, OptionalLong.empty()));
        assertEquals(new Jobs(3, "profiles/p.properties:4", null), Jobs.resolve(null, withJobs, 2, OptionalLong.empty()));
        assertEquals(new Jobs(2, Jobs.CORES, null), Jobs.resolve(null, profile(""), 2, OptionalLong.empty()));
        assertEquals("jobs 2 (the number of cores)", Jobs.resolve(null, profile(""), 2, OptionalLong.empty()).describe());
        // a resume runs with the jobs its run.json recorded, whatever the profile says
        assertEquals("jobs 1 (run.json)", Jobs.resolve(1, "run.json", withJobs, 2, OptionalLong.empty()).describe());
    }

    @Test
    void jobsBelowOneAreBadInput() {
        assertEquals("--jobs: jobs must be a whole number >= 1, got 0",
                assertThrows(UsageException.class, () -> Jobs.resolve(0, profile(""), 2, OptionalLong.empty())).getMessage());
        assertEquals("profiles/p.properties:4: jobs must be a whole number >= 1, got '0'",
                assertThrows(UsageException.class, () -> profile("jobs = 0\n")).getMessage());
    }

    @Test
    void jobsAreLoweredToWhatTheAvailableMemoryHoldsAtTheForksHeap() {
        // 4 forks of -Xmx4g need 16 GiB; 9 GiB available holds 2 of them (9 / 4, rounded down).
        assertEquals(2, HeapPreflight.jobsThatFit(4, 4 * GIB, OptionalLong.of(9 * GIB)));
        assertEquals(4, HeapPreflight.jobsThatFit(4, 4 * GIB, OptionalLong.of(16 * GIB)), "exactly enough");
        assertEquals(1, HeapPreflight.jobsThatFit(4, 4 * GIB, OptionalLong.of(3 * GIB)), "never below 1 (check() refuses that)");
        assertEquals(4, HeapPreflight.jobsThatFit(4, 4 * GIB, OptionalLong.empty()), "no /proc/meminfo: as asked");
        Jobs lowered = Jobs.resolve(4, profile(""), 2, OptionalLong.of(9 * GIB));
        assertEquals(2, lowered.count());
        assertEquals("jobs lowered from 4 (--jobs) to 2: 4 forks of -Xmx4g need 16384 MiB but this machine has 9216 MiB available",
                lowered.lowered());
        assertNull(Jobs.resolve(2, profile(""), 2, OptionalLong.of(9 * GIB)).lowered());
    }
}
