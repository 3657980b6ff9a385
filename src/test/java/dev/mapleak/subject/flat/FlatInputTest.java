package dev.mapleak.subject.flat;

import dev.mapleak.subject.Subject;
import dev.mapleak.subject.SubjectMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is refused with a message that says what was wrong, and leaves the map as it was. */
class FlatInputTest {

    @Test
    void wrongValueLengthNamesBothSizes() {
        for (SubjectMap map : new SubjectMap[] {new FlatInlineMap(128, 0), new FlatPointerMap(128, 0)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.put(7, new byte[127]));
            assertTrue(e.getMessage().contains("127") && e.getMessage().contains("128"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> map.put(7, new byte[129]));
            assertThrows(NullPointerException.class, () -> map.put(7, null));
            assertEquals(0, map.size(), "nothing was inserted");
            assertNull(map.get(7));
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FlatInlineMap(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FlatPointerMap(Subject.MAX_VALUE_SIZE + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FlatInlineMap(8, -1));
    }

    @Test
    void slabOverTheArrayLimitIsRefusedUpFront() {
        // 2,000 entries need 4,096 slots (load 3/4); 4,097 slots x 1 MiB = 4.3 GB, over one byte[]'s 2^31 - 9.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FlatInlineMap(Subject.MAX_VALUE_SIZE, 2_000));
        String message = e.getMessage();
        System.out.println("FlatInputTest slab limit: " + message);
        assertTrue(message.contains("4097 slots"), message);
        assertTrue(message.contains(String.valueOf(Subject.MAX_VALUE_SIZE)), message);
        assertTrue(message.contains(String.valueOf(FlatTable.MAX_ARRAY_LENGTH)), message);
        assertTrue(message.contains("at most 768 entries"), message);
        // The pointer map has no slab: the same request is an ordinary reference array.
        assertEquals(4_096, new FlatPointerMap(Subject.MAX_VALUE_SIZE, 2_000).capacity());
    }

    @Test
    void slabOverTheArrayLimitIsRefusedOnGrowthAndTheMapStaysUsable() {
        // The largest 1 MiB-value table: 1,024 slots (1,025 x 1 MiB = 1.07 GB); its 769th entry needs 2,048.
        FlatInlineMap map = new FlatInlineMap(Subject.MAX_VALUE_SIZE, 768);
        assertEquals(1_024, map.capacity());
        for (int k = 0; k < 768; k++) {
            map.putNew(k);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> map.putNew(768));
        assertTrue(e.getMessage().contains("2049 slots"), e.getMessage());
        assertEquals(768, map.size());
        assertEquals(1_024, map.capacity());
        assertEquals(-1, map.valueByte(768));
        assertEquals(767 & 0xFF, map.valueByte(767));
        assertTrue(map.remove(3));
        map.putNew(768);
        assertEquals(768 & 0xFF, map.valueByte(768), "a freed slot takes the entry without growing");
    }
}
