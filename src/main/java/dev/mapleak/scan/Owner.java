package dev.mapleak.scan;

/**
 * What holds a map, one step up the reference graph: {@code com.example.OrderBook.byCustomer}.
 *
 * @param label the class and field (or array type) that references the map
 * @param rank  how telling the reference is; lower wins when a map has several referrers
 */
public record Owner(String label, int rank) {

    static final int FIELD = 0;
    static final int STATIC = 1;
    static final int ARRAY = 2;
    static final int VIEW = 3;
    static final int ROOT = 4;
    static final int NONE = 5;

    static final Owner UNKNOWN = new Owner("(no referrer found)", NONE);

    static Owner field(String className, String field) {
        return new Owner(className + "." + field, FIELD);
    }

    static Owner staticField(String className, String field) {
        return new Owner(className + "." + field + " (static)", STATIC);
    }

    static Owner arrayElement(String arrayClass) {
        return new Owner("element of " + arrayClass, ARRAY);
    }

    /** A key set, values or iterator view of the map itself: only used when nothing else references it. */
    static Owner view(String className, String field) {
        return new Owner(className + "." + field + " (a view of the map)", VIEW);
    }

    static Owner gcRoot(String kind) {
        return new Owner("(GC root: " + kind + ")", ROOT);
    }
}
