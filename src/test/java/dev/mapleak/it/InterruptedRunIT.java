package dev.mapleak.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, defect 9: SIGINT (Ctrl-C) and SIGTERM stop a run with one line saying how much is measured and how to
 * finish it, on the terminal and in console.log; no hidden temporary file stays behind, the forked JMH JVM does not
 * go on running, and the group cut short is not recorded as failed.
 */
class InterruptedRunIT {

    @TempDir
    Path reports;

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalStopsTheRunAndSaysHowToResume(String signal, int status) throws Exception {
        RunBench r = RunBench.start(reports, ResumeRaceIT.concat(new String[] {"smoke", "--out", reports.toString()},
                ResumeRaceIT.SMALL_SMOKE));
        Path run = ResumeRaceIT.Runs.waitForResults(r, 2);
        Set<ProcessHandle> forks = new HashSet<>(r.process.descendants().toList());
        new ProcessBuilder("kill", "-" + signal, Long.toString(r.process.pid())).inheritIO().start().waitFor();
        // Every process the runner has until it exits, including a fork started as the signal came.
        while (r.process.isAlive()) {
            forks.addAll(r.process.descendants().toList());
            Thread.sleep(20);
        }
        RunBench.Finished f = r.waitFor(2);
        assertEquals(status, f.status(), f.output());

        long measured = RunBench.count(run.resolve("results"), ".json");
        String line = "mapleak: interrupted; " + measured + " of " + ResumeRaceIT.GROUPS
                + " groups measured; resume with ./run-bench.sh --resume " + run;
        assertTrue(f.output().lines().anyMatch(line::equals), f.output());
        assertTrue(Files.readString(run.resolve("console.log")).lines().anyMatch(line::equals));
        assertEquals(List.of(), ResumeRaceIT.Runs.leftovers(run));
        assertFalse(Files.isDirectory(run.resolve("failures")) && RunBench.count(run.resolve("failures"), ".json") > 0,
                "a group cut short by the user is not a failure");
        for (ProcessHandle fork : forks) {
            fork.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(fork.isAlive(), "fork " + fork.pid() + " still running");
        }
        assertTrue(f.output().lines().noneMatch(l -> l.contains("FAILED")), f.output());
    }
}
