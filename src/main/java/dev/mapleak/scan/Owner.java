package dev.mapleak.scan;

/**
 * What holds a map, one step up the reference graph: {@code com.example.OrderBook.byCustomer}. When that step
 * lands inside a container (an array, a {@code java.util} node or list), the scan follows it further up and names
 * the container it went through: {@code com.example.Cache.sessions (static) via java.util.ArrayList}.
 *
 * @param label         the class and field (or array type) that references the map
 * @param rank          how telling the reference is; lower wins when a map has several referrers
 * @param referrer      the referencing object's id (0 for a static field or GC root)
 * @param referrerClass its class name
 * @param via           the containers passed through on the way up, or empty
 */
public record Owner(String label, int rank, long referrer, String referrerClass, String via) {

    static final int FIELD = 0;
    static final int STATIC = 1;
    static final int ARRAY = 2;
    static final int VIEW = 3;
    static final int ROOT = 4;
    static final int NONE = 5;

    static final Owner UNKNOWN = new Owner("(no referrer found)", NONE, 0, "", "");

    static Owner field(long referrer, String className, String field) {
        return new Owner(className + "." + field, FIELD, referrer, className, "");
    }

    static Owner staticField(String className, String field) {
        return new Owner(className + "." + field + " (static)", STATIC, 0, className, "");
    }

    static Owner arrayElement(long array, String arrayClass) {
        return new Owner("element of " + arrayClass, ARRAY, array, arrayClass, "");
    }

    /** A key set, values or iterator view of the map itself: only used when nothing else references it. */
    static Owner view(long referrer, String className, String field) {
        return new Owner(className + "." + field + " (a view of the map)", VIEW, referrer, className, "");
    }

    static Owner gcRoot(String kind) {
        return new Owner("(GC root: " + kind + ")", ROOT, 0, "", "");
    }

    /** An array or a JDK collection's internals: who holds it says more than it does. */
    boolean isContainer() {
        return rank == ARRAY || (rank == FIELD && referrerClass.startsWith("java.util."));
    }

    /** This owner, reached from the container {@code inner} held. */
    Owner through(Owner inner) {
        String c = inner.referrerClass;
        boolean named = !c.endsWith("[]") && !c.contains("$");
        String passed = inner.via.isEmpty() ? (named ? c : "")
                : named && !inner.via.contains(c) ? inner.via + ", " + c : inner.via;
        return new Owner(label, rank, referrer, referrerClass, passed);
    }

    /** How the owner is printed and grouped. */
    String display() {
        return via.isEmpty() ? label : label + " via " + via;
    }
}
