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
import java.util.Deque;
import java.util.List;

/**
 * Where a run's output goes: mapleak's own lines to the terminal and to {@code console.log}; JMH's
 * detailed output to {@code console.log} (and the terminal with {@code --verbose}), with its last lines
 * kept so a failed group can say what its fork printed before it died.
 */
final class Console implements AutoCloseable {

    /** Lines of a group's output kept in its failure record. */
    static final int TAIL_LINES = 40;
    /** Lines of a group's output searched for the reason it failed (a stack trace can push it far up). */
    static final int GROUP_LINES = 5000;

    private final PrintStream terminal;
    private final OutputStream log;
    private final boolean verbose;
    private final Deque<String> tail = new ArrayDeque<>();
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

    /** A stream for JMH's output. */
    PrintStream jmhStream() {
        return new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);
    }

    synchronized void startTail() {
        tail.clear();
    }

    /** The last {@link #TAIL_LINES} lines JMH printed since {@link #startTail()}. */
    synchronized List<String> tail() {
        List<String> all = List.copyOf(tail);
        return all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
    }

    /** Up to {@link #GROUP_LINES} lines JMH printed since {@link #startTail()}. */
    synchronized List<String> groupOutput() {
        return List.copyOf(tail);
    }

    private synchronized void jmhLine(String line) {
        if (verbose) {
            terminal.println(line);
        }
        writeLog(line);
        tail.addLast(line);
        if (tail.size() > GROUP_LINES) {
            tail.removeFirst();
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
    private final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                jmhLine(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
