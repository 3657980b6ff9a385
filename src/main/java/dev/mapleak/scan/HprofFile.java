package dev.mapleak.scan;

import dev.mapleak.folder.UsageException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a file is a whole HotSpot heap dump before anything is parsed, so a bad file costs one line and
 * no half-written output. Walks the top-level records (tag, time, length) without reading their bodies: a record
 * running past the end, or a segmented dump without its closing HEAP_DUMP_END record, is a truncated file.
 */
final class HprofFile {

    private static final int TAG_HEAP_DUMP = 0x0C;
    private static final int TAG_HEAP_DUMP_SEGMENT = 0x1C;
    private static final int TAG_HEAP_DUMP_END = 0x2C;

    private HprofFile() {
    }

    /** Returns the file's size; throws {@link UsageException} naming what is wrong with it. */
    static long check(Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(file + ": no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(file + ": not a readable file");
        }
        long size;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            size = Files.size(file);
            byte[] magic = new byte[18];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                throw new UsageException(file + ": is gzip-compressed; gunzip it first (scan needs random access)");
            }
            String head = new String(magic, 0, got, StandardCharsets.ISO_8859_1);
            if (!head.equals("JAVA PROFILE 1.0.1") && !head.equals("JAVA PROFILE 1.0.2")) {
                throw new UsageException(file + ": not a HotSpot heap dump (an hprof file starts with 'JAVA PROFILE 1.0.2')");
            }
            if (in.read() != 0) {
                throw new UsageException(file + ": not a HotSpot heap dump (bad hprof header)");
            }
            int idSize = in.readInt();
            if (idSize != 4 && idSize != 8) {
                throw new UsageException(file + ": not a HotSpot heap dump (identifier size " + idSize + ")");
            }
            in.readLong(); // timestamp
            long position = 18 + 1 + 4 + 8;
            boolean heap = false;
            boolean segmented = false;
            int last = -1;
            while (true) {
                int tag = in.read();
                if (tag < 0) {
                    break;
                }
                if (position + 9 > size) {
                    throw truncated(file, position, size);
                }
                in.readInt(); // microseconds since the header's timestamp
                long length = in.readInt() & 0xffffffffL;
                position += 9;
                if (position + length > size) {
                    throw truncated(file, position + length, size);
                }
                in.skipNBytes(length);
                position += length;
                heap |= tag == TAG_HEAP_DUMP || tag == TAG_HEAP_DUMP_SEGMENT;
                segmented |= tag == TAG_HEAP_DUMP_SEGMENT;
                last = tag;
            }
            if (!heap) {
                throw new UsageException(file + ": an hprof file without a heap dump (no HEAP DUMP record)");
            }
            if (segmented && last != TAG_HEAP_DUMP_END) {
                throw new UsageException(file + ": truncated heap dump (" + size
                        + " bytes, no HEAP DUMP END record): the dump was cut short or is still being written");
            }
        } catch (EOFException e) {
            throw new UsageException(file + ": truncated heap dump (ends inside its header)");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        return size;
    }

    private static UsageException truncated(Path file, long needed, long size) {
        return new UsageException(file + ": truncated heap dump (a record runs to byte " + needed + " of a "
                + size + "-byte file)");
    }
}
