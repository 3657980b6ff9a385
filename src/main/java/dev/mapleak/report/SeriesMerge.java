package dev.mapleak.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Series that would be drawn on top of each other become one labelled series. Eleven maps drawn as eleven lines
 * showed five (HashMap, LinkedHashMap and ConcurrentHashMap all keep their 8 MiB table; issue 16): a reader cannot
 * tell a hidden line from a missing one. Two series are the same when every point is: both missing, both at the
 * "shrinks by itself" floor (drawn there whatever their exact bytes), or both kept and within {@link #TOLERANCE}.
 * A pure function from data to series, so the labels can be tested without drawing anything.
 */
final class SeriesMerge {

    /** Two kept values are drawn as one when they differ by at most 0.1% of the larger (or by at most one byte). */
    static final double TOLERANCE = 0.001;

    /** One point: bytes (NaN when not measured) and whether it is at the floor (the map shrank by itself). */
    record Point(double bytes, boolean shrunk) {
        static final Point MISSING = new Point(Double.NaN, false);

        boolean missing() {
            return Double.isNaN(bytes);
        }
    }

    /**
     * One subject's (or one figure's) points, in the order of the chart's x values. Curves of different kinds are
     * never merged: a kind is drawn its own way (a library map, a model, Go's figure, Go measured), and equal bytes
     * must not hide that the model and the measurement are two things.
     */
    record Curve(String name, String kind, List<Point> points) {
        Curve(String name, List<Point> points) {
            this(name, "", points);
        }
    }

    /** The series drawn: its members in first-seen order, and the first member's points. */
    record Merged(List<String> members, List<Point> points) {
        String label() {
            return String.join(", ", members);
        }

        /** Whether every measured point is at the floor. */
        boolean allShrunk() {
            return points.stream().anyMatch(p -> !p.missing()) && points.stream().allMatch(p -> p.missing() || p.shrunk());
        }
    }

    private SeriesMerge() {
    }

    /** {@code curves} with the identical ones merged, in the order each merged series' first member appears. */
    static List<Merged> merge(List<Curve> curves) {
        List<List<Curve>> groups = new ArrayList<>();
        for (Curve c : curves) {
            List<Curve> home = groups.stream().filter(g -> g.get(0).kind().equals(c.kind()) && same(g.get(0).points(), c.points()))
                    .findFirst().orElse(null);
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(c);
        }
        return groups.stream().map(g -> new Merged(g.stream().map(Curve::name).toList(), g.get(0).points())).toList();
    }

    static boolean same(List<Point> a, List<Point> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean same(Point a, Point b) {
        if (a.missing() || b.missing()) {
            return a.missing() && b.missing();
        }
        if (a.shrunk() || b.shrunk()) {
            return a.shrunk() && b.shrunk();
        }
        double diff = Math.abs(a.bytes() - b.bytes());
        return diff <= 1 || diff <= TOLERANCE * Math.max(Math.abs(a.bytes()), Math.abs(b.bytes()));
    }
}
