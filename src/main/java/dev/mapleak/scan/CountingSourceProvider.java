package dev.mapleak.scan;

import okio.BufferedSource;
import okio.Okio;
import shark.DualSourceProvider;
import shark.FileSourceProvider;
import shark.RandomAccessSource;

import java.io.File;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.LongConsumer;

/** Shark's file source, with the streaming pass reporting how many bytes it has read (for {@link Progress}). */
final class CountingSourceProvider implements DualSourceProvider {

    private final File file;
    private final LongConsumer bytesRead;

    CountingSourceProvider(File file, LongConsumer bytesRead) {
        this.file = file;
        this.bytesRead = bytesRead;
    }

    @Override
    public BufferedSource openStreamingSource() {
        try {
            return Okio.buffer(Okio.source(new Counting(new FileInputStream(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RandomAccessSource openRandomAccessSource() {
        return new FileSourceProvider(file).openRandomAccessSource();
    }

    private final class Counting extends FilterInputStream {
        private long total;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                total += n;
                bytesRead.accept(total);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            total += skipped;
            bytesRead.accept(total);
            return skipped;
        }
    }
}
