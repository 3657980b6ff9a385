package dev.mapleak.subject;

import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one place tests compute object and array sizes, in the spirit of Eclipse Collections'
 * {@code JolMemoryTestUtil}: every size is a formula over the running VM's header size, reference size and
 * alignment, as JOL reports them, so one expectation holds with and without JDK 25's
 * {@code -XX:+UseCompactObjectHeaders}; {@link #pinned} then checks the formula against the literal figure for
 * each header mode, so a change in the formula cannot pass unnoticed.
 *
 * <p>The layouts, 64-bit HotSpot with compressed oops and class pointers (JDK 17 and 25's defaults below 32 GiB):
 * object header 12 bytes (8 with compact headers), array header 16 (12), reference 4, alignment 8.
 * So {@code byte[128]} is 16 + 128 = 144 bytes and {@code byte[129]} 16 + 129 → 152 (144 with compact headers),
 * a {@code HashMap$Node} 12 + 4 (hash) + 3 × 4 (key, value, next) → 32 (24).
 */
public final class JolSizes {

    private static final VirtualMachine VM_ = VM.current();

    private JolSizes() {
    }

    /** Whether this JVM runs with compact object headers (8-byte headers). */
    public static boolean compactHeaders() {
        return VM_.objectHeaderSize() == 8;
    }

    /** The literal that pins an expectation for this JVM's header mode. */
    public static long pinned(long defaultHeaders, long compactHeaders) {
        return compactHeaders() ? compactHeaders : defaultHeaders;
    }

    public static long align(long bytes) {
        long a = VM_.objectAlignment();
        return (bytes + a - 1) / a * a;
    }

    /** Bytes of one reference field or array slot (4 with compressed oops). */
    public static long reference() {
        return VM_.sizeOfField("java.lang.Object");
    }

    /** An array of {@code length} elements of {@code elementSize} bytes: header (with length) + elements, aligned. */
    public static long array(long length, long elementSize) {
        return align(VM_.arrayHeaderSize() + length * elementSize);
    }

    public static long byteArray(long length) {
        return array(length, 1);
    }

    public static long intArray(long length) {
        return array(length, 4);
    }

    public static long referenceArray(long length) {
        return array(length, reference());
    }

    /** JOL's instance size of {@code type}. */
    public static long instance(Class<?> type) {
        return ClassLayout.parseClass(type).instanceSize();
    }

    /** Header plus declared instance fields, aligned; cross-checked against JOL's own class layout (no gaps). */
    public static long instanceFromFields(Class<?> type) {
        long fields = 0;
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields += fieldSize(f.getType());
            }
        }
        long size = align(VM_.objectHeaderSize() + fields);
        assertEquals(instance(type), size, "field layout of " + type.getSimpleName());
        return size;
    }

    private static long fieldSize(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return reference();
    }

    /** "compact headers" or "default headers", for printed measurements. */
    public static String headerMode() {
        return compactHeaders() ? "compact headers" : "default headers";
    }
}
