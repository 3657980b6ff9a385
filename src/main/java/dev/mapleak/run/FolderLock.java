package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The lock a live run holds on its run folder ({@code .mapleak.run.lock} in it) from the moment the folder exists
 * until the run ends, so no group is ever measured by two processes: a {@code --resume} of a folder that a live run
 * (a first run, or another resume) is writing is refused at once instead of waiting for the machine lock and then
 * measuring again what the other one finished. The operating system releases the lock when its holder dies, even by
 * {@code kill -9}; the file itself stays (it holds only the holder's pid, for the message).
 */
final class FolderLock implements AutoCloseable {

    static final String FILE = ".mapleak.run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or refuses (bad input, exit 2) when a live process holds it. */
    static FolderLock take(Path runDir) throws IOException {
        FileChannel channel = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new UsageException(runDir + " is being measured by a live run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; a folder is measured by one process at a time: --resume it once that run has ended");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since "
                + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new FolderLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(200);
            int n = channel.read(buf, 0);
            return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
