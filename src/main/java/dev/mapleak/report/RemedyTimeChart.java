package dev.mapleak.report;

import dev.mapleak.report.RemedyCosts.Cost;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code remedy-time-N.png}: what each strategy costs, from the timing pass alone ({@link RemedyCosts}), in ms: the
 * median of its shots as a point and their range (min–max) as a bar through it, one group per delete fraction. KEEP
 * does nothing, so it is not a bar but the floor line it is; a ratio to it (the old chart) was a ratio to the timer.
 */
final class RemedyTimeChart {

    /** One strategy on one map at each delete fraction of the chart (null where not timed). */
    record Series(String subject, String strategy, List<Cost> costs) {
        String label() {
            return subject + " " + strategy;
        }
    }

    private RemedyTimeChart() {
    }

    static String file(int vs) {
        return Charts.DIR + "/remedy-time-" + vs + ".png";
    }

    /** The delete fractions timed at {@code vs} on the first JVM, in order. */
    static List<String> fractions(RemedyCosts costs, int vs) {
        return timed(costs, vs).stream().map(Cost::deleteFraction).distinct().toList();
    }

    /** The costs drawn: {@code vs}, the first JVM (the floor's), every strategy but KEEP. */
    static List<Series> series(RemedyCosts costs, int vs) {
        List<String> fractions = fractions(costs, vs);
        List<Series> out = new ArrayList<>();
        for (Cost c : timed(costs, vs)) {
            if (c.strategy().equals("KEEP") || out.stream().anyMatch(x -> x.subject().equals(c.subject()) && x.strategy().equals(c.strategy()))) {
                continue;
            }
            List<Cost> at = new ArrayList<>();
            for (String f : fractions) {
                at.add(timed(costs, vs).stream().filter(x -> x.subject().equals(c.subject()) && x.strategy().equals(c.strategy())
                        && x.deleteFraction().equals(f)).findFirst().orElse(null));
            }
            out.add(new Series(c.subject(), c.strategy(), at));
        }
        out.sort(java.util.Comparator.comparing(Series::subject).thenComparing(x -> LifecycleTable.STRATEGY_ORDER.indexOf(x.strategy())));
        return out;
    }

    /** The costs of {@code vs} on the first JVM, in the first key order (SEQUENTIAL where both were timed). */
    private static List<Cost> timed(RemedyCosts costs, int vs) {
        String jvm = costs.costs().get(0).key().get("jvm");
        String keys = keyOrder(costs);
        return costs.costs().stream().filter(c -> c.valueSize() == vs && c.key().get("jvm").equals(jvm) && c.n() > 0
                && c.key().getOrDefault("keys", "").equals(keys)).toList();
    }

    /** The key order drawn: the first cost's (costs sort SEQUENTIAL first). */
    static String keyOrder(RemedyCosts costs) {
        return costs.costs().get(0).key().getOrDefault("keys", "");
    }

    /** "; SEQUENTIAL keys (section 6 lists RANDOM's too)" where both orders were timed, else nothing. */
    static String keyOrderNote(RemedyCosts costs) {
        List<String> orders = costs.costs().stream().map(c -> c.key().getOrDefault("keys", "")).distinct().toList();
        return orders.size() < 2 ? "" : "; " + keyOrder(costs) + " keys (" + Section.REMEDY_COST.reference() + " lists "
                + String.join(", ", orders.subList(1, orders.size())) + " too)";
    }

    static Charts.Drawn draw(RemedyCosts costs, Scenario s, int vs, Path runDir) {
        return Charts.draw(runDir, file(vs), "Time of each strategy in ms, median with min–max, " + vs + "-byte values",
                "Time of each strategy (ms, log scale), " + vs + "-byte values" + keyOrderNote(costs) + ", from the timing pass ("
                        + Section.REMEDY_COST.reference() + "): a point is the median of its single shots, the bar through it their range (min–max), over every fork. "
                        + "The grey line is KEEP, which does nothing: the floor, the cost of timing a call (median "
                        + Format.ms(costs.floorMs()) + " ms); the dashed line is " + Format.ratio(RemedyCosts.FLOOR_FACTOR)
                        + " the floor, below which a time is the timer's and is never ranked.", () -> picture(costs, vs));
    }

    static Charts.Picture picture(RemedyCosts costs, int vs) {
        List<String> fractions = fractions(costs, vs);
        List<Series> series = series(costs, vs);
        if (series.isEmpty()) {
            throw new IllegalStateException("no strategy besides KEEP was timed at " + vs + " bytes");
        }
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title("Time of each strategy, " + vs + "-byte values")
                .xAxisTitle("").yAxisTitle("ms per call (log scale)").build();
        Charts.style(c);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setMarkerSize(9);
        double floor = costs.floorMs();
        List<Double> all = new ArrayList<>();
        List<String> subjects = series.stream().map(Series::subject).distinct().toList();
        List<String> strategies = series.stream().map(Series::strategy).distinct().toList();
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};
        double width = 0.7;
        for (int k = 0; k < series.size(); k++) {
            Series x = series.get(k);
            double offset = series.size() == 1 ? 0 : -width / 2 + width * k / (series.size() - 1);
            Color colour = Charts.PALETTE[subjects.indexOf(x.subject()) % Charts.PALETTE.length];
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < fractions.size(); i++) {
                Cost cost = x.costs().get(i);
                if (cost == null) {
                    continue;
                }
                double px = i + offset;
                xs.add(px);
                ys.add(cost.median());
                all.add(cost.min());
                all.add(cost.max());
                XYSeries range = c.addSeries(x.label() + " range " + i, List.of(px, px), List.of(cost.min(), cost.max()));
                range.setMarker(SeriesMarkers.NONE);
                range.setLineColor(colour);
                range.setLineStyle(new BasicStroke(2f));
                range.setShowInLegend(false);
            }
            XYSeries median = c.addSeries(x.label(), xs, ys);
            median.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            median.setMarker(markers[strategies.indexOf(x.strategy()) % markers.length]);
            median.setMarkerColor(colour);
        }
        if (!Double.isNaN(floor)) {
            all.add(floor);
            AnnotationLine ranked = new AnnotationLine(RemedyCosts.FLOOR_FACTOR * floor, false, false);
            c.addAnnotation(ranked);
            c.getStyler().setAnnotationLineColor(new Color(0x888888));
            c.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f));
            // the floor itself, as a series so the legend names it
            XYSeries keep = c.addSeries("KEEP: the timer's floor, " + Format.ms(floor) + " ms\n(dashed: " + Format.ratio(RemedyCosts.FLOOR_FACTOR)
                    + " it, below which nothing is ranked)", List.of(-0.5, fractions.size() - 0.5), List.of(floor, floor));
            keep.setMarker(SeriesMarkers.NONE);
            keep.setLineColor(new Color(0x888888));
            keep.setLineStyle(new BasicStroke(2f));
        }
        double lo = all.stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(0.001);
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
        c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        c.getStyler().setYAxisTickLabelsFormattingFunction(RemedyTimeChart::msTick);
        c.getStyler().setXAxisMin(-0.5);
        c.getStyler().setXAxisMax(fractions.size() - 0.5);
        // one label per delete fraction, written at its group (XChart's own ticks fall between the groups)
        c.getStyler().setXAxisTicksVisible(false);
        double labelY = c.getStyler().getYAxisMin() * 1.6;
        for (int i = 0; i < fractions.size(); i++) {
            c.addAnnotation(new AnnotationText("deleteFraction " + fractions.get(i), i, labelY, false));
        }
        return Charts.Picture.of(c);
    }

    /** A log-axis tick in ms: 0.001 ms, 1 ms, 1,000 ms. */
    static String msTick(double v) {
        return (v >= 1 ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString()) + " ms";
    }
}
