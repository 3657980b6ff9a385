package dev.mapleak.scan;

/** The fields of one map object in the dump, by name (the most derived declaration wins). */
public interface MapFields {

    int intValue(String field);

    long longValue(String field);

    boolean booleanValue(String field);

    float floatValue(String field);

    double doubleValue(String field);

    /** The object a reference field points to, or null when the field is null. */
    MapFields object(String field);

    /** The objects of an object array a field points to (null elements stay null); empty when the field is null. */
    java.util.List<MapFields> elements(String field);

    /** Length of the array a field points to, or -1 when the field is null. */
    int arrayLength(String field);
}
