package dev.mapleak.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where a run's output goes: mapleak's own lines to the terminal and to {@code console.log}; JMH's
 * detailed output to {@code console.log} (and the terminal with {@code --verbose}), each group's through its
 * own {@link GroupOutput}, whose last lines are kept so a failed group can say what its fork printed before it died.
 */
final class Console implements AutoCloseable {

    /** Lines of a group's output kept in its failure record. */
    static final int TAIL_LINES = 40;
    /** Lines of a group's output searched for the reason it failed (a stack trace can push it far up). */
    static final int GROUP_LINES = 5000;

    private final PrintStream terminal;
    private final OutputStream log;
    private final boolean verbose;
    private final Path logFile;
    private boolean logBroken;

    Console(PrintStream terminal, Path logFile, boolean verbose) throws IOException {
        this.terminal = terminal;
        this.logFile = logFile;
        this.log = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.verbose = verbose;
    }

    /** One of mapleak's own lines. */
    synchronized void say(String line) {
        terminal.println(line);
        terminal.flush();
        writeLog(line);
    }

    /**
     * Where one group's output goes, with its own tail, so groups running at once never mix their failure records.
     * {@code live}: each line reaches console.log (and the terminal with {@code --verbose}) as it is printed, as for a
     * group running alone; otherwise the group's lines are written as one block when it ends, so the output of groups
     * running side by side does not interleave line by line.
     */
    GroupOutput group(boolean live) {
        return new GroupOutput(live);
    }

    private synchronized void jmhLines(List<String> lines) {
        for (String line : lines) {
            if (verbose) {
                terminal.println(line);
            }
            writeLog(line);
        }
    }

    /** One group's output: a stream for JMH (or the Go program), and the lines kept to say why the group failed. */
    final class GroupOutput implements AutoCloseable {
        private final boolean live;
        private final Deque<String> tail = new ArrayDeque<>();
        private final List<String> held = new ArrayList<>();

        private GroupOutput(boolean live) {
            this.live = live;
        }

        /** A stream for JMH's output. */
        PrintStream stream() {
            return new PrintStream(new LineSplitter(this), true, StandardCharsets.UTF_8);
        }

        private synchronized void line(String line) {
            tail.addLast(line);
            if (tail.size() > GROUP_LINES) {
                tail.removeFirst();
            }
            if (live) {
                jmhLines(List.of(line));
            } else {
                held.add(line);
            }
        }

        /** The last {@link #TAIL_LINES} lines printed. */
        synchronized List<String> tail() {
            List<String> all = List.copyOf(tail);
            return all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
        }

        /** Up to {@link #GROUP_LINES} lines printed. */
        synchronized List<String> lines() {
            return List.copyOf(tail);
        }

        /** Writes the held lines, if any, as one block. */
        @Override
        public synchronized void close() {
            jmhLines(held);
            held.clear();
        }
    }

    private void writeLog(String line) {
        if (logBroken) {
            return;
        }
        try {
            log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            log.flush();
        } catch (IOException e) {
            // Said once: a full disk would otherwise add a warning to every line that follows.
            logBroken = true;
            terminal.println("mapleak: cannot write " + logFile + " (" + e.getMessage()
                    + "); the rest of this run's output goes to the terminal only");
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    /** Turns JMH's byte stream into lines. */
    private static final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final GroupOutput group;

        LineSplitter(GroupOutput group) {
            this.group = group;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                group.line(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
