package dev.mapleak.report;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;

import java.awt.AWTError;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@link Section#CHARTS}: the report's charts, drawn with XChart into PNG files under {@code charts/} in the run folder.
 * Headless: no display is needed, only a font (on Debian, {@code fonts-dejavu-core}). A chart that cannot be
 * drawn is reported as a problem; the rest of the report does not depend on it.
 */
final class Charts {

    static {
        // Charts are drawn off-screen: never ask for a display, even where one exists.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final String DIR = "charts";
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 560;

    /** Twelve colours that stay apart on screen and in print (Tableau 10 plus two). */
    private static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x1B9E77), new Color(0x000000)};

    /** A drawn chart (its file relative to the run folder) or why it could not be drawn. */
    record Drawn(String path, String alt, String caption, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private Charts() {
    }

    /** Draws every chart into {@code charts/}, adds them to their section, and returns the ones that could not be drawn. */
    static List<String> add(ReportDocument doc, RunData data) {
        Scenario s = data.seed();
        if (s.subjects().isEmpty()) {
            doc.paragraph("No lifecycle results to chart.");
            return List.of();
        }
        clearOld(data.runDir().resolve(DIR));
        List<String> problems = new ArrayList<>();
        String strategy = SeedSection.reclaimStrategy(s);
        int vs = Advice.primarySize(s);
        List<Drawn> drawn = new ArrayList<>();
        drawn.add(retainedAfterDelete(s, data.runDir()));
        for (int size : SeedSection.seedSizes(s)) {
            drawn.add(retainedByPhase(s, size, strategy, data.runDir()));
        }
        drawn.add(strategiesRetained(s, vs, data.runDir()));
        // No time chart: the memory groups' phase times are shots taken with probes armed, not costs, and a ratio to
        // KEEP's time is a ratio to the timer's overhead. Costs are the timing pass's table (Section.REMEDY_COST).
        for (Drawn d : drawn) {
            if (d.ok()) {
                doc.image(d.path(), d.alt(), d.caption());
            } else {
                problems.add(d.problem());
            }
        }
        if (problems.size() == drawn.size()) {
            doc.paragraph("No chart could be drawn; see " + Section.CAVEATS.reference() + ".");
        }
        return problems;
    }

    /** Charts from an earlier rendering of the same folder would otherwise linger beside the new ones. */
    private static void clearOld(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // stale charts are harmless: the report only links the ones it draws now
        }
    }

    /** Retained after delete against value size: one line per subject, plus Go's runtime for the Go model. */
    /** Go itself, measured: apart from the model's black dashed line, which it should lie on. */
    static final Color GO_MEASURED = new Color(150, 20, 20);

    static Drawn retainedAfterDelete(Scenario s, Path runDir) {
        String file = DIR + "/retained-after-delete.png";
        String alt = "Retained MiB after deleting, against value size, one line per map";
        boolean step = s.valueSizes().contains(128) && s.valueSizes().contains(129);
        return draw(runDir, file, alt, "Retained after the deletes (JOL, MiB) against value size; " + s.describe()
                + ". The black dashed line is what Go's runtime would hold for " + ClaimsCheck.goName(s) + "'s state"
                + (s.subjectsIn(MapGroup.GO_RUNTIME).isEmpty() ? ""
                : "; dark red lines with diamonds are Go itself, measured (HeapAlloc after runtime.GC(), dotted: map[int]*[N]byte)")
                + (step ? "; the grey line marks Go's 128/129-byte switch." : "."), () -> {
            XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Retained after delete")
                    .xAxisTitle("value size (bytes)").yAxisTitle("retained MiB").build();
            style(c);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            List<Integer> sizes = s.valueSizes();
            List<Double> positive = new ArrayList<>();
            int colour = 0;
            for (String subject : s.subjects()) {
                if (s.group(subject) == MapGroup.GO_RUNTIME) {
                    continue; // no JOL figure: drawn below from Go's own heap
                }
                addLine(c, subject, sizes, vs -> s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_JOL).score(),
                        PALETTE[colour++ % (PALETTE.length - 1)], positive);
            }
            for (String go : s.subjectsIn(MapGroup.GO_RUNTIME)) {
                XYSeries measured = addLine(c, "Go measured (" + go + ", HeapAlloc)", sizes,
                        vs -> s.reading(go, vs, Phase.DELETED, "", Metric.RETAINED_HEAP).score(), GO_MEASURED, positive);
                if (measured != null) {
                    measured.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
                    measured.setLineStyle(go.endsWith(LifecycleTable.GO_POINTER_SUFFIX) ? SeriesLines.DOT_DOT : SeriesLines.SOLID);
                }
            }
            Optional<String> goSubject = s.goSubject().filter(s.subjects()::contains);
            if (goSubject.isPresent()) {
                String g = goSubject.get();
                XYSeries go = addLine(c, "Go runtime (" + g + " model)", sizes,
                        vs -> s.reading(g, vs, Phase.DELETED, "", Metric.RETAINED_GO).score(), Color.BLACK, positive);
                if (go != null) {
                    go.setLineStyle(SeriesLines.DASH_DASH);
                }
            }
            if (c.getSeriesCollection().isEmpty()) {
                throw new IllegalStateException("no DELETED measurements to draw");
            }
            logIfWide(c.getStyler(), positive, nonPositive(c));
            if (step) {
                c.addAnnotation(new AnnotationLine(128.5, true, false));
                c.getStyler().setAnnotationLineColor(Color.GRAY);
            }
            c.getStyler().setXAxisDecimalPattern("#,##0");
            return c;
        });
    }

    private static XYSeries addLine(XYChart c, String name, List<Integer> sizes, Function<Integer, Double> y,
                                    Color color, List<Double> positive) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int vs : sizes) {
            double v = y.apply(vs);
            if (!Double.isNaN(v)) {
                xs.add((double) vs);
                ys.add(v / Format.MIB);
                if (v > 0) {
                    positive.add(v / Format.MIB);
                }
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        XYSeries series = c.addSeries(name, xs, ys);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /** Retained at each phase for one value size: bars per subject, one colour per phase. */
    static Drawn retainedByPhase(Scenario s, int vs, String strategy, Path runDir) {
        String file = DIR + "/retained-by-phase-" + vs + ".png";
        return draw(runDir, file, "Retained MiB at each phase, " + vs + "-byte values",
                "Retained at each phase (JOL, MiB), " + vs + "-byte values; " + s.describe() + "; RECLAIMED applies `"
                        + strategy + "`. \"Go runtime\" is Go's own figure for " + ClaimsCheck.goName(s) + "'s state.", () -> {
                    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                            .title("Retained by phase, " + vs + "-byte values").xAxisTitle("").yAxisTitle("retained MiB").build();
                    style(c);
                    c.getStyler().setXAxisLabelRotation(35);
                    c.getStyler().setXAxisMaxLabelCount(1000);
                    List<String> categories = new ArrayList<>();
                    String g = s.goSubject().orElse("");
                    boolean go = s.subjects().contains(g) && s.reading(g, vs, Phase.FILLED, "", Metric.RETAINED_GO).present();
                    if (go) {
                        categories.add("Go runtime");
                    }
                    s.subjects().stream().filter(x -> s.state(x, vs).isPresent()).forEach(categories::add);
                    int colour = 0;
                    for (Phase phase : Phase.values()) {
                        List<Double> ys = new ArrayList<>();
                        for (String cat : categories) {
                            Reading r = cat.equals("Go runtime")
                                    ? s.reading(g, vs, phase, strategy, Metric.RETAINED_GO)
                                    : s.reading(cat, vs, phase, strategy, Metric.RETAINED_JOL);
                            ys.add(r.present() ? r.score() / Format.MIB : null); // missing, not zero
                        }
                        CategorySeries series = c.addSeries(phase == Phase.RECLAIMED ? phase + " (" + strategy + ")" : phase.name(), categories, ys);
                        series.setFillColor(PALETTE[colour++]);
                    }
                    return c;
                });
    }

    /** What each strategy leaves (RECLAIMED, JOL) as a ratio to KEEP's, per subject. */
    static Drawn strategiesRetained(Scenario s, int vs, Path runDir) {
        return strategyRatios(s, vs, runDir, DIR + "/strategies-retained-" + vs + ".png",
                "Retained after each strategy, as a ratio to KEEP", "retained ÷ KEEP's",
                "Retained after each strategy (JOL) ÷ retained with KEEP, " + vs + "-byte values; " + s.describe()
                        + ". Below 1: the strategy freed memory (a log axis when the ratios span more than two decades).",
                (subject, strategy) -> new double[]{
                        s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score(), Double.NaN},
                false);
    }

    private interface Value {
        /** {score, error} of a strategy for a subject. */
        double[] of(String subject, String strategy);
    }

    private static Drawn strategyRatios(Scenario s, int vs, Path runDir, String file, String title, String yTitle,
                                        String caption, Value value, boolean log) {
        return draw(runDir, file, title, caption, () -> {
            List<String> others = s.strategies().stream().filter(x -> !x.equals("KEEP")).toList();
            List<String> subjects = s.subjects().stream()
                    .filter(x -> s.reclaimed(x, vs, "KEEP").isPresent()).toList();
            if (others.isEmpty() || subjects.isEmpty() || !s.strategies().contains("KEEP")) {
                throw new IllegalStateException("needs KEEP and at least one other strategy at " + vs + " bytes");
            }
            CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle("").yAxisTitle(yTitle).build();
            style(c);
            c.getStyler().setXAxisLabelRotation(35);
                    c.getStyler().setXAxisMaxLabelCount(1000);
            List<Double> positive = new ArrayList<>();
            int colour = 1;
            for (String strategy : others) {
                List<Double> ys = new ArrayList<>();
                List<Double> errs = new ArrayList<>();
                boolean anyError = false;
                for (String subject : subjects) {
                    double[] v = value.of(subject, strategy);
                    double[] k = value.of(subject, "KEEP");
                    double ratio = v[0] / k[0];
                    boolean ok = !Double.isNaN(ratio) && !Double.isInfinite(ratio);
                    ys.add(ok ? ratio : null);
                    double err = ok && !Double.isNaN(v[1]) && !Double.isNaN(k[1])
                            ? ratio * Math.hypot(v[1] / v[0], k[1] / k[0]) : 0.0;
                    anyError |= err > 0;
                    errs.add(err);
                    if (ok && ratio > 0) {
                        positive.add(ratio);
                    }
                }
                if (ys.stream().allMatch(java.util.Objects::isNull)) {
                    continue;
                }
                CategorySeries series = anyError ? c.addSeries(strategy, subjects, ys, errs) : c.addSeries(strategy, subjects, ys);
                series.setFillColor(PALETTE[colour++ % PALETTE.length]);
            }
            if (c.getSeriesCollection().isEmpty()) {
                throw new IllegalStateException("no strategy besides KEEP was measured at " + vs + " bytes");
            }
            // Time ratios span decades by nature; retained ratios only go log when they do too (a rebuild that frees
            // everything leaves ~0.001 of KEEP, which a linear axis shows as nothing at all).
            double min = positive.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double max = positive.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (!positive.isEmpty() && positive.size() == countValues(c) && (log || max / min > 100)) {
                logAxis(c.getStyler(), min, max);
                c.setYAxisTitle(yTitle.endsWith("(log)") ? yTitle : yTitle + " (log)");
            }
            return c;
        });
    }

    private static int countValues(CategoryChart c) {
        int n = 0;
        for (CategorySeries series : c.getSeriesCollection()) {
            for (double y : series.getYData()) {
                if (!Double.isNaN(y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void style(Chart<? extends AxesChartStyler, ?> c) {
        AxesChartStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xDDDDDD));
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setChartTitleBoxVisible(false);
        st.setPlotBorderVisible(false);
        st.setLocale(Locale.ROOT);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setYAxisDecimalPattern("#,##0.###");
        st.setErrorBarsColorSeriesColor(false);
        st.setErrorBarsColor(Color.DARK_GRAY);
    }

    /**
     * A log axis when the values span more than two decades, so small maps stay visible beside big ones; only
     * when every value is positive (a log axis cannot show zero).
     */
    private static void logIfWide(AxesChartStyler st, List<Double> positive, boolean anyNonPositive) {
        double min = positive.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = positive.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (!anyNonPositive && max / min > 100) {
            logAxis(st, min, max);
        }
    }

    /** XChart needs explicit bounds on a log axis (bars would otherwise start at zero). */
    private static void logAxis(AxesChartStyler st, double min, double max) {
        st.setYAxisLogarithmic(true);
        // The default decimal pattern would print 0.0001 as "0" on a log axis.
        st.setYAxisTickLabelsFormattingFunction(Charts::tick);
        st.setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        st.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    }

    /** A log-axis tick: 0.0001, 0.01, 1, 100, 10,000. */
    static String tick(double v) {
        if (v >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    private static boolean nonPositive(XYChart c) {
        for (XYSeries series : c.getSeriesCollection()) {
            for (double y : series.getYData()) {
                if (y <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private interface Maker {
        Chart<?, ?> make();
    }

    /**
     * Longest a chart may take to encode. XChart has looped forever laying out an axis for values near
     * {@code Double.MAX_VALUE}; {@link ResultSet} keeps such values out, and this bounds whatever else might.
     */
    static final long DRAW_SECONDS = 60;
    /** Largest |value| an axis is given: the same bound as a result file's figures ({@link ResultSet#LARGEST}). */
    static final double AXIS_LIMIT = ResultSet.LARGEST;

    private static Drawn draw(Path runDir, String file, String alt, String caption, Maker maker) {
        Path target = runDir.resolve(file);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Chart<?, ?> chart = maker.make();
            checkAxisRange(chart);
            byte[] png = encode(chart, DRAW_SECONDS);
            Files.createDirectories(target.getParent());
            Files.write(tmp, png);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Drawn(file, alt, caption, null);
        } catch (IOException | RuntimeException | AWTError | LinkageError e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
            // LinkageError/AWTError: AWT without its native font libraries (a JRE without fontconfig)
            return new Drawn(file, alt, caption, file + ": not drawn: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Refuses a chart whose values no axis can lay out (infinite, or beyond {@link #AXIS_LIMIT}). */
    static void checkAxisRange(Chart<?, ?> chart) {
        for (Object o : chart.getSeriesCollection()) {
            if (o instanceof AxesChartSeries series) {
                for (double v : new double[] {series.getYMin(), series.getYMax()}) {
                    if (Double.isInfinite(v) || Math.abs(v) > AXIS_LIMIT) {
                        throw new IllegalStateException("series '" + series.getName() + "' has a value of " + v
                                + ", beyond what an axis can show");
                    }
                }
            }
        }
    }

    /**
     * The chart as PNG bytes, encoded on a daemon thread so a chart that never finishes costs {@code seconds} and
     * a thread, never the report; nothing is written to disk until the bytes are complete.
     */
    static byte[] encode(Chart<?, ?> chart, long seconds) throws IOException {
        FutureTask<byte[]> task = new FutureTask<>(() -> BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        Thread t = new Thread(task, "mapleak-chart");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new IllegalStateException("drawing took longer than " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
