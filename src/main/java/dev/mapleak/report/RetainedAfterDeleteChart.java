package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.report.SeriesMerge.Curve;
import dev.mapleak.report.SeriesMerge.Merged;
import dev.mapleak.report.SeriesMerge.Point;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retained-after-delete.png}: what each map holds after its deletes (JOL; Go's own figures for Go), against
 * value size, in two panels so the maps a user picks (JDK and libraries) are never confused with mapleak's own
 * models and Go. Identical series are one labelled series ({@link SeriesMerge}); a map that shrank by itself sits in
 * the axis's floor band ({@link ByteAxis}); value sizes too few or too close for a linear axis ({@link #asCategories})
 * are categories drawn as points, never joined by a sloped line.
 */
final class RetainedAfterDeleteChart {

    /** Below this many value sizes they are categories (128 and 129: Go's switch), not a continuous axis. */
    static final int MIN_SIZES_FOR_LINES = 4;
    static final String FILE = Charts.DIR + "/retained-after-delete.png";

    /** A series before drawing: merged members, the panel it belongs to and how it is drawn. */
    record Drawn(Merged series, Look look) {
    }

    /** How a series is drawn: library maps solid with circles; mapleak's models dashed with squares; Go apart. */
    enum Look {
        MAP(SeriesLines.SOLID, SeriesMarkers.CIRCLE, null),
        MODEL(SeriesLines.DASH_DASH, SeriesMarkers.SQUARE, null),
        GO_FIGURE(SeriesLines.DASH_DASH, SeriesMarkers.CIRCLE, Color.BLACK),
        GO_MEASURED(SeriesLines.SOLID, SeriesMarkers.DIAMOND, Charts.GO_MEASURED),
        GO_MEASURED_POINTER(SeriesLines.DOT_DOT, SeriesMarkers.TRIANGLE_DOWN, Charts.GO_MEASURED);

        final BasicStroke line;
        final Marker marker;
        final Color colour;

        Look(BasicStroke line, Marker marker, Color colour) {
            this.line = line;
            this.marker = marker;
            this.colour = colour;
        }
    }

    /** The two panels' series, left (JDK and library maps) and right (mapleak's models and Go). */
    record Panels(List<Drawn> maps, List<Drawn> models, List<Integer> sizes) {
        List<Drawn> all() {
            List<Drawn> a = new ArrayList<>(maps);
            a.addAll(models);
            return a;
        }
    }

    private RetainedAfterDeleteChart() {
    }

    /** The series of the chart, merged per panel: the data behind the picture, with the labels a reader sees. */
    static Panels series(Scenario s) {
        List<Integer> sizes = s.valueSizes();
        List<Curve> maps = new ArrayList<>();
        List<Curve> models = new ArrayList<>();
        for (String subject : s.subjects()) {
            MapGroup g = s.group(subject);
            if (g == MapGroup.GO_RUNTIME) {
                continue; // Go itself, measured: added below from its own heap
            }
            boolean model = g == MapGroup.CONTROLLED || g == MapGroup.GO_MODEL;
            (model ? models : maps).add(curve(s, subject, subject, model ? Look.MODEL : Look.MAP, sizes, Metric.RETAINED_JOL));
        }
        s.goSubject().filter(s.subjects()::contains).ifPresent(g ->
                models.add(curve(s, g, "Go runtime (" + g + " model)", Look.GO_FIGURE, sizes, Metric.RETAINED_GO)));
        for (String go : s.subjectsIn(MapGroup.GO_RUNTIME)) {
            models.add(curve(s, go, "Go measured (" + go + ", HeapAlloc)",
                    go.endsWith(LifecycleTable.GO_POINTER_SUFFIX) ? Look.GO_MEASURED_POINTER : Look.GO_MEASURED, sizes, Metric.RETAINED_HEAP));
        }
        return new Panels(drawn(maps), drawn(models), sizes);
    }

    /** Merged series of one panel, each drawn with its members' look (merging keeps looks apart). */
    private static List<Drawn> drawn(List<Curve> curves) {
        List<Curve> present = curves.stream().filter(c -> c.points().stream().anyMatch(p -> !p.missing())).toList();
        List<Drawn> out = new ArrayList<>();
        for (Merged m : SeriesMerge.merge(present)) {
            Curve first = present.stream().filter(c -> c.name().equals(m.members().get(0))).findFirst().orElseThrow();
            out.add(new Drawn(m, Look.valueOf(first.kind())));
        }
        return out;
    }

    /** One subject's DELETED readings of {@code metric}, each marked shrunk against its FILLED reading. */
    static Curve curve(Scenario s, String subject, String name, Look look, List<Integer> sizes, Metric metric) {
        List<Point> points = new ArrayList<>();
        for (int vs : sizes) {
            Reading deleted = s.reading(subject, vs, Phase.DELETED, "", metric);
            Reading filled = s.reading(subject, vs, Phase.FILLED, "", metric);
            points.add(deleted.present() ? new Point(deleted.score(), ByteAxis.shrunk(deleted.score(), filled.score()))
                    : Point.MISSING);
        }
        return new Curve(name, look.name(), points);
    }

    static ByteAxis axis(Panels p) {
        List<Double> kept = new ArrayList<>();
        boolean anyShrunk = false;
        for (Drawn d : p.all()) {
            for (Point pt : d.series().points()) {
                if (!pt.missing() && !pt.shrunk()) {
                    kept.add(pt.bytes() / Format.MIB);
                }
                anyShrunk |= !pt.missing() && pt.shrunk();
            }
        }
        return ByteAxis.of(kept, anyShrunk);
    }

    /**
     * Whether the value sizes are drawn as categories (points, never joined): too few for a line, or two of them closer
     * than a twentieth of the range, such as 128 and 129 among 64–256, which a linear axis would draw on top of each
     * other (and join by a near-vertical line across Go's switch).
     */
    static boolean asCategories(List<Integer> sizes) {
        if (sizes.size() < MIN_SIZES_FOR_LINES) {
            return true;
        }
        List<Integer> sorted = sizes.stream().sorted().toList();
        double range = sorted.get(sorted.size() - 1) - sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i) - sorted.get(i - 1) < range / 20) {
                return true;
            }
        }
        return false;
    }

    static Charts.Drawn draw(Scenario s, Path runDir) {
        Panels p = series(s);
        ByteAxis axis = axis(p);
        boolean step = s.valueSizes().contains(128) && s.valueSizes().contains(129);
        boolean points = asCategories(p.sizes());
        String caption = "Retained after the deletes (JOL bytes; Go's own figures for Go), against value size; " + s.describe()
                + (p.models().isEmpty() ? ". The JDK's and the libraries' maps only (no mapleak model in this run)"
                : p.maps().isEmpty() ? ". mapleak's own models only (" + (points ? "squares" : "dashed, squares") + ")"
                : ". Left: the JDK's and the libraries' maps (" + (points ? "circles" : "solid lines, circles")
                + "); right: mapleak's own models (" + (points ? "squares" : "dashed, squares") + ")")
                + (s.goSubject().filter(s.subjects()::contains).isPresent()
                ? ", with the black " + (points ? "circles" : "dashed series") + ", what Go's runtime would hold for " + ClaimsCheck.goName(s) + "'s state" : "")
                + (s.subjectsIn(MapGroup.GO_RUNTIME).isEmpty() ? ""
                : ", and dark red diamonds, Go itself measured (HeapAlloc after runtime.GC(); triangles: map[int]*[N]byte)")
                + ". Maps whose series are equal at every size (to the byte or within " + Format.percent(SeriesMerge.TOLERANCE)
                + ") are one series with every name. A map that keeps at most " + Format.percent(ByteAxis.SHRUNK_SHARE)
                + " of its filled size " + (axis.hasBand() ? "is drawn in the grey floor band, whatever its exact bytes (the tables give them)"
                : "is marked \"shrinks by itself\"")
                + (points ? "; value sizes are categories (" + (p.sizes().size() < MIN_SIZES_FOR_LINES ? "only " + p.sizes().size()
                        + " measured" : "some too close to tell apart on a linear axis") + ") and points are not joined" : "")
                + (step ? "; Go stores values of up to 128 bytes inline, larger ones behind a pointer." : ".");
        return Charts.draw(runDir, FILE, "Bytes kept after deleting, against value size: JDK and library maps left, mapleak's models and Go right",
                caption, () -> picture(p, axis));
    }

    static Charts.Picture picture(Panels p, ByteAxis axis) {
        if (p.maps().isEmpty() && p.models().isEmpty()) {
            throw new IllegalStateException("no DELETED measurements to draw");
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        boolean both = !p.maps().isEmpty() && !p.models().isEmpty();
        int width = both ? Charts.WIDTH * 6 / 10 : Charts.WIDTH;
        if (!p.maps().isEmpty()) {
            panels.add(panel("JDK and library maps", p.maps(), p.sizes(), axis, width));
        }
        if (!p.models().isEmpty()) {
            panels.add(panel("mapleak's models and Go", p.models(), p.sizes(), axis, width));
        }
        return new Charts.Picture(panels);
    }

    private static AxesChart<?, ?> panel(String title, List<Drawn> series, List<Integer> sizes, ByteAxis axis, int width) {
        boolean points = asCategories(sizes);
        AxesChart<?, ?> c = points
                ? new CategoryChartBuilder().width(width).height(Charts.HEIGHT).title(title).xAxisTitle("value size").build()
                : new XYChartBuilder().width(width).height(Charts.HEIGHT).title(title).xAxisTitle("value size (bytes)").build();
        Charts.style(c);
        c.getStyler().setMarkerSize(10);
        List<String> categories = sizes.stream().map(v -> v + " B").toList();
        List<Double> xs = sizes.stream().map(Integer::doubleValue).toList();
        int colour = 0;
        for (Drawn d : series) {
            List<Double> ys = d.series().points().stream().map(axis::y).toList();
            String label = d.series().label() + (d.series().allShrunk() ? ": " + axis.bandText() : "");
            String shown = Charts.wrap(label, 30);
            AxesChartSeries added;
            Color col = d.look().colour != null ? d.look().colour : Charts.PALETTE[colour++ % (Charts.PALETTE.length - 1)];
            if (c instanceof CategoryChart cc) {
                CategorySeries cs = cc.addSeries(label, categories, ys);
                cs.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                cs.setMarker(d.look().marker);
                cs.setMarkerColor(col);
                cs.setLineColor(col);
                added = cs;
            } else {
                XYChart xy = (XYChart) c;
                List<Double> px = new ArrayList<>();
                List<Double> py = new ArrayList<>();
                for (int i = 0; i < xs.size(); i++) {
                    if (ys.get(i) != null) {
                        px.add(xs.get(i));
                        py.add(ys.get(i));
                    }
                }
                XYSeries xs2 = xy.addSeries(label, px, py);
                xs2.setMarker(d.look().marker);
                xs2.setMarkerColor(col);
                xs2.setLineColor(col);
                xs2.setLineStyle(d.look().line);
                added = xs2;
            }
            added.setFillColor(col);
            added.setLabel(shown);
        }
        if (!points) {
            c.getStyler().setXAxisDecimalPattern("#,##0");
        }
        axis.apply(c, "retained after the deletes");
        if (axis.hasBand()) {
            // x: the middle of the plot (categories are 0, 1, ...; value sizes are their own numbers)
            double x = points ? (sizes.size() - 1) / 2.0 : (sizes.get(0) + sizes.get(sizes.size() - 1)) / 2.0;
            c.addAnnotation(new AnnotationText("floor: shrinks by itself", x, axis.floorTop() / 1.6, false));
        }
        return c;
    }
}
