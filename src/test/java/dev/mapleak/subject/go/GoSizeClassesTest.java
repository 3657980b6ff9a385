package dev.mapleak.subject.go;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's allocator rounding and append growth, against values read off sizeclasses.go and growslice. */
class GoSizeClassesTest {

    @ParameterizedTest(name = "roundupsize({0}) = {1}")
    @CsvSource({"0, 0", "1, 8", "8, 8", "9, 16", "17, 24", "24, 24", "25, 32", "33, 48", "48, 48",
            "128, 128", "129, 144", "144, 144", "208, 208", "1024, 1024", "1025, 1152", "1104, 1152",
            "2448, 2688", "18768, 19072", "32767, 32768", "32768, 32768", "32769, 40960",
            "40108032, 40108032", "307494912, 307494912", "307494913, 307503104"})
    void roundupsize(long size, long rounded) {
        assertEquals(rounded, GoSizeClasses.roundupsize(size));
    }

    @Test
    void sixtyEightClasses() {
        assertEquals(68, GoSizeClasses.numSizeClasses());
    }

    @ParameterizedTest(name = "append to len {0} cap {1} -> cap {2}")
    @CsvSource({"1, 0, 1", "2, 1, 2", "3, 2, 4", "5, 4, 8", "257, 256, 512",
            // 512 + (512 + 768) / 4 = 832 pointers = 6656 bytes -> class 6784 = 848 pointers
            "513, 512, 848"})
    void appendGrowsLikeGrowslice(int newLen, int oldCap, int newCap) {
        assertEquals(newCap, GoOverflowSlice.grownCapacity(newLen, oldCap));
    }
}
