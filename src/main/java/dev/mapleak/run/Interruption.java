package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run does when it is stopped with SIGINT (Ctrl-C) or SIGTERM: a shutdown hook stops the forked JMH JVM
 * (it would otherwise go on measuring, orphaned), lets the run's own thread leave its loop without recording the
 * cut-short group as failed, removes the hidden temporary files, and says on the terminal and in console.log how
 * many groups are measured and how to finish the run:
 * <pre>mapleak: interrupted; 3 of 8 groups measured; resume with ./run-bench.sh --resume DIR</pre>
 * {@code kill -9} runs no hook; {@code --resume} then cleans up ({@link Leftovers}).
 */
final class Interruption implements AutoCloseable {

    /** How long the hook waits for a stopped fork to exit before killing it. */
    private static final long FORK_GRACE_SECONDS = 5;
    /** How long the hook waits for the run's thread to stop before reporting on its own. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final RunFolder folder;
    private final List<String> planned;
    private final Console console;
    private final Thread hook;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean measuring;
    private volatile boolean finished;

    private Interruption(RunFolder folder, List<String> planned, Console console) {
        this.folder = folder;
        this.planned = planned;
        this.console = console;
        this.hook = new Thread(this::onShutdown, "mapleak-interrupted");
    }

    /** Watches for SIGINT and SIGTERM from now until {@link #close()}. */
    static Interruption watch(RunFolder folder, List<String> plannedGroupIds, Console console) {
        Interruption i = new Interruption(folder, List.copyOf(plannedGroupIds), console);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Groups are being measured from now on (the machine lock is held): the hook waits for the loop to stop. */
    void measuring() {
        measuring = true;
    }

    /** True once the run has been told to stop: measure nothing more, record no failure. */
    boolean requested() {
        return requested.get();
    }

    /** Called by the run's own thread when it has stopped after {@link #requested()}: says so and cleans up. */
    void stopped() {
        report();
        stopped.countDown();
    }

    private void onShutdown() {
        if (finished) {
            return; // the run ended normally and is exiting
        }
        requested.set(true);
        stopForks();
        if (measuring) {
            // The run's thread may have been starting the next group's fork as the signal came: keep stopping forks
            // until it has left its loop.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            try {
                while (!stopped.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                    stopForks();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        report();
    }

    /** Every process this JVM started (the JMH fork of the group in flight): asked to stop, then killed. */
    private static void stopForks() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FORK_GRACE_SECONDS);
        for (ProcessHandle p : children) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private void report() {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        Leftovers.clean(folder);
        long measured = planned.stream().filter(folder::hasResult).count();
        console.say("mapleak: interrupted; " + measured + " of " + planned.size() + " groups measured; resume with "
                + "./run-bench.sh --resume " + folder.dir());
    }

    /** The run is over (measured, failed or stopped): the hook no longer applies. */
    @Override
    public void close() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
