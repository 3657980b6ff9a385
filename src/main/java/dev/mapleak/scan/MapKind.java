package dev.mapleak.scan;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One kind of map the scan recognises: which classes, where its table is, how to read its live size, and what the
 * remedy leaves. Adding a kind is one entry in {@link MapKinds}.
 *
 * @param name          short name printed in tables ({@code HashMap}, {@code fastutil Int2ObjectOpenHashMap})
 * @param classNames    exact class names (subclasses are matched too, unless they have a kind of their own)
 * @param inner         the field holding the map that really owns the table ({@code HashSet.map}), or null
 * @param tableFields   the array fields of the table (on the inner map when there is one), all of equal length
 * @param size          reads the live entry count from the object holding the table
 * @param slots         entry slots for a table array length (MAT's "capacity": {@code n - 1} where an extra slot
 *                      holds the null key, {@code length / 2} for IdentityHashMap's key/value pairs)
 * @param rebuilt       the table array length the remedy leaves for the live size (0: no table)
 * @param tombstones    deleted-entry markers still occupying slots, or null when the kind has none
 * @param remedy        the remedy, as code a user would type
 * @param costSubject   mapleak's {@code subject} parameter whose measured remedy cost applies, or null
 * @param costStrategy  mapleak's {@code strategy} that is this remedy ({@code REBUILD} or {@code TRIM})
 */
public record MapKind(String name, List<String> classNames, String inner, List<String> tableFields,
                      ToIntFunction<MapFields> size, SlotRule slots, RebuiltRule rebuilt,
                      ToIntFunction<MapFields> tombstones, String remedy, String costSubject, String costStrategy) {

    /** Entry slots of a table whose arrays have {@code length} elements. */
    @FunctionalInterface
    public interface SlotRule {
        int slots(int length);
    }

    /** Array length after the remedy, for {@code size} live entries of a map whose arrays now have {@code length}. */
    @FunctionalInterface
    public interface RebuiltRule {
        int length(int size, int length, MapFields table);
    }
}
