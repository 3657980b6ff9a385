package dev.mapleak.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which groups run side by side, how many at once, and that the others run with nothing beside them. */
class GroupPoolTest {

    @TempDir
    Path tmp;

    static Combination group(String benchmark, String subject) {
        return new Combination(benchmark, "dev.mapleak.bench." + benchmark, Map.of("subject", subject), Combination.DEFAULT_JVM);
    }

    static final Combination TIMING = group("RemedyCostBenchmark.rebuild", "FASTUTIL");
    static final Combination OPERATIONS = group("OperationsBenchmark.getHit", "FASTUTIL");
    static final Combination GO = group("GoLifecycle.fill", "GO_RUNTIME");

    static List<Combination> memory(int n) {
        List<Combination> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(group("LifecycleBenchmark.fill", "S" + i));
        }
        return groups;
    }

    @Test
    void memoryAndGoGroupsRunSideBySideTimingAndOperationsGroupsAlone() {
        assertTrue(GroupPool.runsSideBySide(memory(1).get(0)), "@RecordsRetainedMemory");
        assertFalse(GroupPool.runsSideBySide(group("ChurnBenchmark.rollOver", "FASTUTIL")), "records memory but publishes ns per rollover");
        assertTrue(GroupPool.runsSideBySide(GO), "its own process, reading its own memory");
        assertFalse(GroupPool.runsSideBySide(TIMING), "@TimingPass");
        assertFalse(GroupPool.runsSideBySide(OPERATIONS), "times published, no retained-memory probe");
        List<Combination> plan = List.of(TIMING, memory(2).get(0), OPERATIONS, memory(2).get(1));
        assertEquals(List.of(memory(2).get(0), memory(2).get(1), TIMING, OPERATIONS), GroupPool.order(plan));
    }

    @Test
    void jobsMemoryGroupsRunAtOnceAndTheOthersRunAloneAfterThem() throws IOException {
        List<Combination> todo = new ArrayList<>(memory(6));
        todo.add(1, TIMING);
        todo.add(4, OPERATIONS);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // The first two memory groups wait until both run: without a second slot this would time out.
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Integer> sideBySide = Collections.synchronizedList(new ArrayList<>());
        int failed;
        try (Console console = console()) {
            failed = new GroupPool(2, console, () -> false).run(todo, (c, out) -> {
                int now = running.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                events.add(c.benchmark() + " with " + now);
                out.stream().println("output of " + c.param("subject"));
                try {
                    if (c.param("subject").equals("S0") || c.param("subject").equals("S1")) {
                        bothStarted.countDown();
                        assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "two memory groups never ran at once");
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                running.decrementAndGet();
                return new GroupRunner.Outcome(!c.param("subject").equals("S3"), "S3 fails");
            }, (c, outcome, took, n) -> sideBySide.add(n));
        }
        assertEquals(2, most.get(), events.toString());
        assertEquals(1, failed, "S3");
        assertEquals(8, events.size());
        // the two that run alone come last, each with nothing else running
        assertEquals(List.of("RemedyCostBenchmark.rebuild with 1", "OperationsBenchmark.getHit with 1"), events.subList(6, 8));
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 1, 1), sideBySide.stream().sorted(Collections.reverseOrder()).toList());
        // held output is written whole, one group's block after another's
        String log = Files.readString(tmp.resolve("console.log"));
        for (int i = 0; i < 6; i++) {
            assertTrue(log.contains("output of S" + i + "\n"), log);
        }
    }

    @Test
    void anInterruptionStartsNoMoreGroupsAndCountsNoneCutShortAsFailed() throws IOException {
        AtomicBoolean interrupted = new AtomicBoolean();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch signalled = new CountDownLatch(1);
        List<Combination> todo = new ArrayList<>(memory(5));
        todo.add(TIMING);
        int failed;
        try (Console console = console()) {
            failed = new GroupPool(2, console, interrupted::get).run(todo, (c, out) -> {
                started.add(c.param("subject"));
                try {
                    bothStarted.countDown();
                    assertTrue(bothStarted.await(30, TimeUnit.SECONDS));
                    if (c.param("subject").equals("S1")) {
                        interrupted.set(true); // as the shutdown hook does; the group's fork then dies
                        signalled.countDown();
                        return new GroupRunner.Outcome(false, "interrupted");
                    }
                    assertTrue(signalled.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return new GroupRunner.Outcome(true, "");
            }, (c, outcome, took, n) -> finished.add(c.param("subject")));
        }
        assertEquals(0, failed, "the group cut short is not a failure");
        assertEquals(List.of("S0"), finished, "S0 ended with a result; S1 was cut short");
        assertEquals(List.of("S0", "S1"), started.stream().sorted().toList(), "nothing starts after the signal");
    }

    private Console console() throws IOException {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), tmp.resolve("console.log"), false);
    }
}
