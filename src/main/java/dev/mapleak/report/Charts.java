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
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
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
    static final int WIDTH = 1100;
    static final int HEIGHT = 560;

    /** Twelve colours that stay apart on screen and in print (Tableau 10 plus two). */
    static final Color[] PALETTE = {
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
        drawn.add(RetainedAfterDeleteChart.draw(s, data.runDir()));
        for (int size : SeedSection.seedSizes(s)) {
            drawn.add(retainedByPhase(s, size, strategy, data.runDir()));
        }
        drawn.add(StrategyBytesChart.draw(s, vs, data.runDir()));
        // Times only from the timing pass, in ms: the memory groups' phase times are shots taken with probes armed, and
        // a ratio to KEEP's time is a ratio to the timer's overhead (KEEP is drawn as the floor it is).
        // At the run's primary value size, else the first size a strategy besides KEEP was timed at (a shard's part of
        // the timing pass may hold no other); no chart where none was.
        RemedyCosts costs = RemedyCosts.of(data.results());
        List<Integer> sizes = new ArrayList<>(List.of(vs));
        sizes.addAll(s.valueSizes());
        sizes.stream().filter(size -> !costs.isEmpty() && !RemedyTimeChart.series(costs, size).isEmpty()).findFirst()
                .ifPresent(size -> drawn.add(RemedyTimeChart.draw(costs, s, size, data.runDir())));
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

    /** A legend label broken into lines of at most about {@code width} characters, at ", " or " " (XChart breaks at "\n"). */
    static String wrap(String label, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : label.split("(?<=, )|(?<= )")) {
            if (out.length() - lineStart + word.length() > width && out.length() > lineStart) {
                int end = out.length();
                while (end > lineStart && out.charAt(end - 1) == ' ') {
                    end--;
                }
                out.setLength(end);
                out.append("\n");
                lineStart = out.length();
            }
            out.append(word);
        }
        return out.toString().strip();
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

    /** Go itself, measured: apart from the model's black dashed series, which it should lie on. */
    static final Color GO_MEASURED = new Color(150, 20, 20);

    /**
     * Retained at each phase for one value size: bars per subject, one colour per phase; the JDK's and the libraries'
     * maps in the left panel, mapleak's models and Go's own figure in the right one, on one shared axis.
     */
    static Drawn retainedByPhase(Scenario s, int vs, String strategy, Path runDir) {
        String file = DIR + "/retained-by-phase-" + vs + ".png";
        return draw(runDir, file, "Retained bytes at each phase, " + vs + "-byte values",
                "Retained at each phase (JOL), " + vs + "-byte values; " + s.describe() + "; RECLAIMED applies `"
                        + strategy + "`. " + (s.subjects().stream().anyMatch(x -> StrategyBytesChart.isModel(s, x))
                        ? "Left: the JDK's and the libraries' maps; right: mapleak's own models and \"Go runtime\", Go's own "
                        + "figure for " + ClaimsCheck.goName(s) + "'s state."
                        : "The JDK's and the libraries' maps only (no mapleak model in this run)."), () -> {
                    String g = s.goSubject().orElse("");
                    boolean go = s.subjects().contains(g) && s.reading(g, vs, Phase.FILLED, "", Metric.RETAINED_GO).present();
                    // Go itself, measured, has no JOL figure to show here (its own heap is in the seed table)
                    List<String> measured = s.subjects().stream().filter(x -> s.state(x, vs).isPresent())
                            .filter(x -> s.group(x) != MapGroup.GO_RUNTIME).toList();
                    List<String> maps = measured.stream().filter(x -> !StrategyBytesChart.isModel(s, x)).toList();
                    List<String> models = new ArrayList<>(measured.stream().filter(x -> StrategyBytesChart.isModel(s, x)).toList());
                    if (go) {
                        models.add("Go runtime");
                    }
                    double max = 0;
                    for (String cat : measured) {
                        for (Phase phase : Phase.values()) {
                            double v = s.reading(cat, vs, phase, strategy, Metric.RETAINED_JOL).score();
                            max = Double.isNaN(v) ? max : Math.max(max, v);
                        }
                    }
                    if (go) {
                        for (Phase phase : Phase.values()) {
                            double v = s.reading(g, vs, phase, strategy, Metric.RETAINED_GO).score();
                            max = Double.isNaN(v) ? max : Math.max(max, v);
                        }
                    }
                    ByteAxis axis = new ByteAxis(false, 0, max <= 0 ? 1 : ByteAxis.niceCeil(max / Format.MIB * 1.05), Double.NaN, 0);
                    List<CategoryChart> panels = new ArrayList<>();
                    int total = maps.size() + models.size();
                    for (List<String> categories : List.of(maps, models)) {
                        if (categories.isEmpty()) {
                            continue;
                        }
                        int width = maps.isEmpty() || models.isEmpty() ? WIDTH
                                : Math.max(500, (int) Math.round(WIDTH * (double) categories.size() / total) + 60);
                        CategoryChart c = new CategoryChartBuilder().width(width).height(HEIGHT)
                                .title(categories == maps ? "JDK and library maps" : "mapleak's models and Go")
                                .xAxisTitle("").yAxisTitle("").build();
                        style(c);
                        c.getStyler().setXAxisLabelRotation(35);
                        c.getStyler().setXAxisMaxLabelCount(1000);
                        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
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
                        axis.apply(c, categories.contains("Go runtime") ? "retained (JOL; Go runtime: Go's figure)" : "retained (JOL)");
                        panels.add(c);
                    }
                    return new Picture(panels);
                });
    }

    static void style(Chart<? extends AxesChartStyler, ?> c) {
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

    /** What a chart draws: one panel, or several side by side sharing the picture's height. */
    record Picture(List<? extends Chart<?, ?>> panels) {
        static Picture of(Chart<?, ?> chart) {
            return new Picture(List.of(chart));
        }
    }

    interface Maker {
        Picture make();
    }

    /**
     * Longest a chart may take to encode. XChart has looped forever laying out an axis for values near
     * {@code Double.MAX_VALUE}; {@link ResultSet} keeps such values out, and this bounds whatever else might.
     */
    static final long DRAW_SECONDS = 60;
    /** Largest |value| an axis is given: the same bound as a result file's figures ({@link ResultSet#LARGEST}). */
    static final double AXIS_LIMIT = ResultSet.LARGEST;

    static Drawn draw(Path runDir, String file, String alt, String caption, Maker maker) {
        Path target = runDir.resolve(file);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Picture picture = maker.make();
            picture.panels().forEach(Charts::checkAxisRange);
            byte[] png = encode(picture, DRAW_SECONDS);
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

    private static byte[] png(Picture picture) throws IOException {
        if (picture.panels().size() == 1) {
            return BitmapEncoder.getBitmapBytes(picture.panels().get(0), BitmapEncoder.BitmapFormat.PNG);
        }
        int width = picture.panels().stream().mapToInt(Chart::getWidth).sum();
        int height = picture.panels().stream().mapToInt(Chart::getHeight).max().orElse(1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (Chart<?, ?> panel : picture.panels()) {
                Graphics2D pg = (Graphics2D) g.create(x, 0, panel.getWidth(), height);
                try {
                    panel.paint(pg, panel.getWidth(), height);
                } finally {
                    pg.dispose();
                }
                x += panel.getWidth();
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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
        return encode(Picture.of(chart), seconds);
    }

    /** The panels side by side in one PNG, encoded with the same bound. */
    static byte[] encode(Picture picture, long seconds) throws IOException {
        FutureTask<byte[]> task = new FutureTask<>(() -> png(picture));
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
