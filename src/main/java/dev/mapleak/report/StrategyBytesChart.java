package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strategies-retained-N.png}: the bytes each map holds after each strategy (RECLAIMED, JOL), KEEP included,
 * as absolute sizes with their units printed on every bar. A ratio to KEEP gave the maps that keep nothing (TreeMap,
 * fastutil: 1.0, nothing to free) the tallest bars, so the best maps looked worst (issue 16). JDK and library maps on
 * the left, mapleak's own models on the right, each on its own axis (every bar carries its size).
 */
final class StrategyBytesChart {

    /** One bar series: a strategy and its bytes per subject (NaN where not measured), subjects in panel order. */
    record Bars(String strategy, List<String> subjects, List<Double> bytes) {
    }

    private StrategyBytesChart() {
    }

    static String file(int vs) {
        return Charts.DIR + "/strategies-retained-" + vs + ".png";
    }

    /** The bars of one panel: every measured strategy, KEEP first, absolute bytes. */
    static List<Bars> bars(Scenario s, int vs, List<String> subjects) {
        List<Bars> out = new ArrayList<>();
        for (String strategy : strategies(s)) {
            List<Double> bytes = subjects.stream()
                    .map(x -> s.reading(x, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score()).toList();
            if (bytes.stream().anyMatch(b -> !Double.isNaN(b))) {
                out.add(new Bars(strategy, subjects, bytes));
            }
        }
        return out;
    }

    /** The measured strategies, KEEP first (the state every other is compared with), then the report's order. */
    static List<String> strategies(Scenario s) {
        return s.strategies().stream().sorted(java.util.Comparator.comparingInt(x -> {
            int i = LifecycleTable.STRATEGY_ORDER.indexOf(x);
            return i < 0 ? Integer.MAX_VALUE : i;
        })).toList();
    }

    /** Subjects with a JOL figure after some strategy at {@code vs}, split into the JDK's and libraries' maps and mapleak's models. */
    static List<List<String>> panels(Scenario s, int vs) {
        List<String> measured = s.subjects().stream().filter(x -> s.strategies().stream()
                .anyMatch(st -> s.reading(x, vs, Phase.RECLAIMED, st, Metric.RETAINED_JOL).present())).toList();
        List<String> maps = measured.stream().filter(x -> !isModel(s, x)).toList();
        List<String> models = measured.stream().filter(x -> isModel(s, x)).toList();
        return List.of(maps, models);
    }

    static boolean isModel(Scenario s, String subject) {
        MapGroup g = s.group(subject);
        return g == MapGroup.CONTROLLED || g == MapGroup.GO_MODEL || g == MapGroup.GO_RUNTIME;
    }

    static Charts.Drawn draw(Scenario s, int vs, Path runDir) {
        return Charts.draw(runDir, file(vs), "Bytes each map holds after each strategy, " + vs + "-byte values",
                "Bytes each map holds after each strategy (RECLAIMED, JOL, the memory pass), " + vs + "-byte values; "
                        + s.describe() + ". Absolute sizes, KEEP (doing nothing) included; each bar is labelled with its size, "
                        + "so a map that keeps a few bytes shows its label on the axis. " + panelsText(panels(s, vs)), () -> picture(s, vs));
    }

    /** Which panels the picture has, for its caption. */
    static String panelsText(List<List<String>> panels) {
        if (panels.get(1).isEmpty()) {
            return "The JDK's and the libraries' maps only (no mapleak model in this run).";
        }
        if (panels.get(0).isEmpty()) {
            return "mapleak's own models only.";
        }
        return "Left: the JDK's and the libraries' maps; right: mapleak's own models, each panel on its own axis.";
    }

    static Charts.Picture picture(Scenario s, int vs) {
        List<List<String>> panels = panels(s, vs);
        List<List<Bars>> bars = panels.stream().map(p -> p.isEmpty() ? List.<Bars>of() : bars(s, vs, p)).toList();
        double max = bars.stream().flatMap(List::stream).flatMap(b -> b.bytes().stream())
                .filter(b -> !Double.isNaN(b)).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (Double.isNaN(max)) {
            throw new IllegalStateException("no strategy was measured at " + vs + " bytes");
        }
        List<CategoryChart> charts = new ArrayList<>();
        int total = panels.get(0).size() + panels.get(1).size();
        String[] titles = {"JDK and library maps", "mapleak's models"};
        for (int i = 0; i < 2; i++) {
            if (panels.get(i).isEmpty()) {
                continue;
            }
            // panels as wide as their share of the subjects, so every bar is as wide as every other
            int width = panels.get(0).isEmpty() || panels.get(1).isEmpty() ? Charts.WIDTH
                    : Math.max(460, (int) Math.round(Charts.WIDTH * (double) panels.get(i).size() / total) + 60);
            CategoryChart c = new CategoryChartBuilder().width(width).height(Charts.HEIGHT).title(titles[i])
                    .xAxisTitle("").yAxisTitle("").build();
            Charts.style(c);
            c.getStyler().setXAxisLabelRotation(35);
            c.getStyler().setXAxisMaxLabelCount(1000);
            c.getStyler().setLabelsVisible(true);
            c.getStyler().setLabelsRotation(90);
            c.getStyler().setLabelsPosition(0);
            c.getStyler().setLabelsFontColorAutomaticEnabled(false);
            c.getStyler().setLabelsFontColor(java.awt.Color.BLACK);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
            for (Bars b : bars.get(i)) {
                List<Double> ys = b.bytes().stream().map(v -> Double.isNaN(v) ? null : v / Format.MIB).toList();
                CategorySeries series = c.addSeries(b.strategy(), b.subjects(), ys);
                // a strategy has the same colour in both panels
                series.setFillColor(Charts.PALETTE[strategies(s).indexOf(b.strategy()) % Charts.PALETTE.length]);
            }
            // each panel its own scale: the models' 285 MiB would flatten the maps' 8 MiB to a line; every bar is labelled
            double panelMax = bars.get(i).stream().flatMap(b -> b.bytes().stream()).filter(b -> !Double.isNaN(b))
                    .mapToDouble(Double::doubleValue).max().orElse(0);
            double top = panelMax <= 0 ? 1 : ByteAxis.niceCeil(panelMax / Format.MIB * 1.15);
            new ByteAxis(false, 0, top, Double.NaN, 0).apply(c, "retained after the strategy");
            charts.add(c);
        }
        return new Charts.Picture(charts);
    }
}
