package dev.mapleak.report;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.style.AxesChartStyler;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The y axis of a chart of retained bytes, shared by its panels. Values a map kept set the range; a value the map
 * shed by itself ({@link #shrunk}) is drawn in a floor band under the smallest kept decade instead of decades below
 * it (a log axis from 48 B to 300 MiB gave 48 B against 368 B the weight of 8 against 300 MiB; issue 16). Log only
 * when the kept values span more than a decade, and then the title says so.
 *
 * @param floorTop the top of the floor band (NaN on a linear axis: there the floor is zero itself)
 * @param floorY   where a shrunk point is drawn: the middle of the band, or zero
 */
record ByteAxis(boolean log, double min, double max, double floorTop, double floorY) {

    /**
     * A map shrank by itself when what it holds after the deletes is at most this share of what it held filled: 1%
     * (fastutil keeps 368 B of 150 MiB; the JDK's HashMap keeps its 8 MiB table of 190 MiB, 4%, and is drawn as kept).
     */
    static final double SHRUNK_SHARE = 0.01;

    static boolean shrunk(double deletedBytes, double filledBytes) {
        return !Double.isNaN(deletedBytes) && !Double.isNaN(filledBytes) && filledBytes > 0
                && deletedBytes <= SHRUNK_SHARE * filledBytes;
    }

    /** The axis for these kept values (MiB); {@code anyShrunk} adds the floor band on a log axis. */
    static ByteAxis of(List<Double> keptMib, boolean anyShrunk) {
        double lo = keptMib.stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = keptMib.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (Double.isNaN(hi) || hi <= 0) {
            return new ByteAxis(false, 0, 1, Double.NaN, 0); // nothing kept: every point on the floor, zero
        }
        if (hi / lo <= 10) {
            return new ByteAxis(false, 0, niceCeil(hi * 1.05), Double.NaN, 0);
        }
        double bottom = Math.pow(10, Math.floor(Math.log10(lo)));
        double top = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (!anyShrunk) {
            // a value on the bottom decade itself (HashMap's 1 MiB table) would sit on the axis line: leave room under it
            return new ByteAxis(true, lo < bottom * 1.5 ? bottom / 2 : bottom, top, Double.NaN, Double.NaN);
        }
        return new ByteAxis(true, bottom / 10, top, bottom, bottom / Math.sqrt(10));
    }

    /** Where a point is drawn, MiB: its value, the floor when the map shrank by itself, null when missing. */
    Double y(SeriesMerge.Point p) {
        if (p.missing()) {
            return null;
        }
        return p.shrunk() ? floorY : p.bytes() / Format.MIB;
    }

    boolean hasBand() {
        return !Double.isNaN(floorTop);
    }

    /** Sets the range, the tick labels (sizes with units, none inside the band) and the title (with "log" when it is). */
    void apply(AxesChart<? extends AxesChartStyler, ?> c, String title) {
        AxesChartStyler st = c.getStyler();
        st.setYAxisLogarithmic(log);
        st.setYAxisMin(min);
        st.setYAxisMax(max);
        // a log axis ticks at decades of MiB (0.01 MiB, not "10.2 KiB"); a linear one at round sizes, which bar labels share
        st.setYAxisTickLabelsFormattingFunction(v -> hasBand() && v < floorTop * 0.999 ? "" : log ? decade(v) : size(v));
        c.setYAxisTitle(title + (log ? " (log scale)" : ""));
        if (hasBand()) {
            c.addAnnotation(new AnnotationLine(floorTop, false, false));
            st.setAnnotationLineColor(new Color(0x999999));
        }
    }

    /** The band's meaning, for a legend entry or a caption. */
    String bandText() {
        return "shrinks by itself (keeps ≤ " + Math.round(SHRUNK_SHARE * 100) + "% of its filled size)";
    }

    /** A size in MiB as a label: {@code 48 B}, {@code 2.26 KiB} (below 0.01 MiB), {@code 0.0626 MiB}, {@code 8 MiB}, {@code 0} for zero. */
    static String size(double mib) {
        if (mib == 0) {
            return "0";
        }
        double bytes = mib * Format.MIB;
        if (Math.abs(bytes) < 1024) {
            return Math.round(bytes) + " B";
        }
        if (Math.abs(mib) < 0.01) {
            return trim(bytes / 1024) + " KiB";
        }
        return trim(mib) + " MiB";
    }

    /** A log-axis tick in MiB: {@code 0.01 MiB}, {@code 1 MiB}, {@code 1,000 MiB}. */
    static String decade(double mib) {
        return (mib >= 1 ? String.format(Locale.ROOT, "%,.0f", mib)
                : java.math.BigDecimal.valueOf(mib).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString()) + " MiB";
    }

    private static String trim(double v) {
        if (Math.abs(v) < 1) { // three significant digits: 0.0626 MiB, 0.25 MiB
            return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        String s = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A round number at least {@code v}: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
    static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
