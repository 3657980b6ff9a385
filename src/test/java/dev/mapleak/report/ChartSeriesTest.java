package dev.mapleak.report;

import dev.mapleak.report.SeriesMerge.Curve;
import dev.mapleak.report.SeriesMerge.Merged;
import dev.mapleak.report.SeriesMerge.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's charts as data: which series are merged and under which labels, what sits on the "shrinks by itself"
 * floor, that the strategy chart shows absolute bytes and the time chart absolute ms. The exact byte figures are JOL's
 * in the published seed run (reports/20261124-085330-seed, 1,000,000 entries, every one deleted).
 */
class ChartSeriesTest {

    private static final Path SEED_RUN = PublishedRunsRerenderTest.REPORTS.resolve("20261124-085330-seed");

    @TempDir
    Path tmp;

    private static Point kept(double bytes) {
        return new Point(bytes, false);
    }

    private static List<String> labels(List<RetainedAfterDeleteChart.Drawn> drawn) {
        return drawn.stream().map(d -> d.series().label()).toList();
    }

    @Test
    void identicalSeriesBecomeOneLabelledSeriesInFirstSeenOrder() {
        // HashMap, LinkedHashMap and ConcurrentHashMap after deleting 1M entries: 8,388,672 / 8,388,680 / 8,388,688 B
        // (a table of 2^21 compressed references, 8 MiB, plus 64, 72, 80 B of header and map object): within 0.1%.
        List<Merged> merged = SeriesMerge.merge(List.of(
                new Curve("JDK_HASH_MAP", List.of(kept(8_388_672), kept(8_388_672))),
                new Curve("ECLIPSE", List.of(kept(16_777_288), kept(16_777_288))),
                new Curve("JDK_LINKED_HASH_MAP", List.of(kept(8_388_680), kept(8_388_680))),
                new Curve("JDK_CONCURRENT_HASH_MAP", List.of(kept(8_388_688), kept(8_388_688))),
                new Curve("HPPC", List.of(kept(16_777_312), kept(16_777_312)))));
        assertEquals(List.of("JDK_HASH_MAP, JDK_LINKED_HASH_MAP, JDK_CONCURRENT_HASH_MAP", "ECLIPSE, HPPC"),
                merged.stream().map(Merged::label).toList());
        assertEquals(8_388_672, merged.get(0).points().get(0).bytes(), "the first member's values are drawn");
    }

    @Test
    void seriesThatDifferAnywhereStayApart() {
        // 0.2% apart at one size (FLAT_INLINE's 264 and 266 MiB are 0.76% apart), one missing point, one shrunk point
        Curve a = new Curve("A", List.of(kept(1_000_000), kept(2_000_000)));
        List<Merged> merged = SeriesMerge.merge(List.of(a,
                new Curve("B", List.of(kept(1_000_000), kept(2_004_000))),
                new Curve("C", List.of(kept(1_000_000), Point.MISSING)),
                new Curve("D", List.of(kept(1_000_000), new Point(1_900, true))),
                new Curve("E", List.of(kept(1_000_999), kept(2_001_999)))));
        assertEquals(List.of("A, E", "B", "C", "D"), merged.stream().map(Merged::label).toList());
        assertTrue(SeriesMerge.same(kept(100), kept(101)), "one byte apart is equal whatever the share");
        // equal bytes, different kinds (a model and Go measured): never one series
        assertEquals(2, SeriesMerge.merge(List.of(new Curve("Go runtime (GO_HYBRID model)", "GO_FIGURE", List.of(kept(100))),
                new Curve("Go measured (GO_RUNTIME, HeapAlloc)", "GO_MEASURED", List.of(kept(100))))).size());
        assertFalse(SeriesMerge.same(kept(100), kept(102)));
    }

    @Test
    void mapsOnTheFloorAreOneSeriesWhateverTheirExactBytes() {
        // TreeMap keeps its 48 B object and fastutil its 368 B of arrays: both on the floor, drawn as one series
        List<Merged> merged = SeriesMerge.merge(List.of(new Curve("JDK_TREE_MAP", List.of(new Point(48, true))),
                new Curve("FASTUTIL", List.of(new Point(368, true)))));
        assertEquals(List.of("JDK_TREE_MAP, FASTUTIL"), merged.stream().map(Merged::label).toList());
        assertTrue(merged.get(0).allShrunk());
    }

    @Test
    void thePublishedSeedRunDrawsSixSeriesWhereItDrewEleven() {
        Scenario seed = RunData.load(SEED_RUN, List.of(), List.of()).seed();
        RetainedAfterDeleteChart.Panels p = RetainedAfterDeleteChart.series(seed);
        assertEquals(List.of("JDK_HASH_MAP, JDK_LINKED_HASH_MAP, JDK_CONCURRENT_HASH_MAP", "JDK_TREE_MAP, FASTUTIL",
                "ECLIPSE, HPPC, AGRONA"), labels(p.maps()));
        assertEquals(List.of("FLAT_INLINE", "FLAT_POINTER", "GO_HYBRID", "Go runtime (GO_HYBRID model)"), labels(p.models()));
        // the floor: TreeMap's 48 B and fastutil's 368 B of 190.73 and 153.33 MiB filled; HashMap's 8 MiB of 191 (4.2%) is kept
        RetainedAfterDeleteChart.Drawn floor = p.maps().get(1);
        assertTrue(floor.series().allShrunk());
        assertEquals(48, floor.series().points().get(0).bytes());
        assertFalse(p.maps().get(0).series().points().get(0).shrunk());
        assertEquals(RetainedAfterDeleteChart.Look.MODEL, p.models().get(0).look(), "mapleak's models are dashed, with squares");
        assertEquals(RetainedAfterDeleteChart.Look.MAP, p.maps().get(0).look());
    }

    @Test
    void theFloorBandSitsUnderTheSmallestKeptDecadeAndTheAxisSaysLog() {
        // kept: 8 MiB (HashMap) to 285 MiB (GO_HYBRID): two decades, 1 MiB to 1,000 MiB, plus the band 0.1–1 MiB
        ByteAxis axis = ByteAxis.of(List.of(8.0, 16.0, 284.75), true);
        assertTrue(axis.log());
        assertEquals(0.1, axis.min(), 1e-12);
        assertEquals(1000, axis.max(), 1e-9);
        assertEquals(1, axis.floorTop(), 1e-12);
        assertEquals(1 / Math.sqrt(10), axis.y(new Point(368, true)), 1e-12, "a shrunk point is drawn mid-band");
        assertEquals(8.0, axis.y(kept(8 * Format.MIB)), 1e-12);
        assertEquals(null, axis.y(Point.MISSING));
        // kept values within one decade: a linear axis from zero, no band, no "log"
        ByteAxis linear = ByteAxis.of(List.of(8.0, 16.0), true);
        assertFalse(linear.log());
        assertEquals(0, linear.y(new Point(368, true)));
        assertEquals(20, linear.max(), 1e-12, "16 MiB × 1.05 rounded up to 20");

        Scenario seed = RunData.load(SEED_RUN, List.of(), List.of()).seed();
        RetainedAfterDeleteChart.Panels p = RetainedAfterDeleteChart.series(seed);
        Charts.Picture picture = RetainedAfterDeleteChart.picture(p, RetainedAfterDeleteChart.axis(p));
        for (Chart<?, ?> panel : picture.panels()) {
            assertEquals("retained after the deletes (log scale)", ((AxesChart<?, ?>) panel).getYAxisTitle());
            assertEquals(0.1, panel.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler st ? st.getYAxisMin() : -1, 1e-12);
        }
        assertTrue(ByteAxis.shrunk(368, 153.33 * Format.MIB));
        assertFalse(ByteAxis.shrunk(8_388_672, 191.11 * Format.MIB), "HashMap keeps 4.2% of its filled size");
    }

    @Test
    void fewValueSizesArePointsOnCategoriesAndManyAreLines() {
        Scenario seed = RunData.load(SEED_RUN, List.of(), List.of()).seed();
        RetainedAfterDeleteChart.Panels p = RetainedAfterDeleteChart.series(seed);
        Charts.Picture two = RetainedAfterDeleteChart.picture(p, RetainedAfterDeleteChart.axis(p));
        CategoryChart panel = assertInstanceOf(CategoryChart.class, two.panels().get(0));
        assertEquals(List.of("128 B", "129 B"), panel.getSeriesCollection().iterator().next().getXData());
        for (CategorySeries s : panel.getSeriesCollection()) {
            assertEquals(java.util.Optional.of(CategorySeries.CategorySeriesRenderStyle.Scatter), s.getChartCategorySeriesRenderStyle(), s.getName());
        }
        // the same series at four sizes: a continuous axis with lines
        List<Point> four = List.of(kept(Format.MIB), kept(2 * Format.MIB), kept(4 * Format.MIB), kept(8 * Format.MIB));
        RetainedAfterDeleteChart.Panels wide = new RetainedAfterDeleteChart.Panels(
                List.of(new RetainedAfterDeleteChart.Drawn(new Merged(List.of("X"), four), RetainedAfterDeleteChart.Look.MAP)),
                List.of(), List.of(16, 64, 128, 256));
        Charts.Picture lines = RetainedAfterDeleteChart.picture(wide, RetainedAfterDeleteChart.axis(wide));
        assertEquals(1, lines.panels().size(), "no second panel without mapleak's models");
        assertInstanceOf(XYChart.class, lines.panels().get(0));
    }

    @Test
    void theStrategyChartShowsAbsoluteBytesNeverARatio() {
        Scenario seed = RunData.load(SEED_RUN, List.of(), List.of()).seed();
        List<List<String>> panels = StrategyBytesChart.panels(seed, 128);
        assertEquals(List.of("JDK_HASH_MAP", "JDK_LINKED_HASH_MAP", "JDK_CONCURRENT_HASH_MAP", "JDK_TREE_MAP", "FASTUTIL",
                "ECLIPSE", "HPPC", "AGRONA"), panels.get(0));
        assertEquals(List.of("FLAT_INLINE", "FLAT_POINTER", "GO_HYBRID"), panels.get(1));
        List<StrategyBytesChart.Bars> bars = StrategyBytesChart.bars(seed, 128, panels.get(0));
        assertEquals(List.of("KEEP", "REBUILD"), bars.stream().map(StrategyBytesChart.Bars::strategy).toList());
        // JOL after KEEP and after REBUILD: HashMap's 8 MiB table and an empty map's 48 B; fastutil 368 B both times
        // (it shrank by itself: the old ratio chart drew it 1.0, its tallest bar)
        assertEquals(8_388_672, bars.get(0).bytes().get(0));
        assertEquals(48, bars.get(1).bytes().get(0));
        assertEquals(368, bars.get(0).bytes().get(4));
        assertEquals(368, bars.get(1).bytes().get(4));
        Charts.Picture picture = StrategyBytesChart.picture(seed, 128);
        CategoryChart left = (CategoryChart) picture.panels().get(0);
        assertEquals("retained after the strategy", left.getYAxisTitle());
        assertEquals(8_388_672 / Format.MIB, named(left, "KEEP").getYData()[0], 1e-12,
                "bars in MiB, not ÷ KEEP");
        assertEquals("368 B", ByteAxis.size(368 / Format.MIB), "the label on fastutil's bar");
        assertEquals("8 MiB", ByteAxis.size(8_388_672 / Format.MIB));
        assertEquals("2.26 KiB", ByteAxis.size(2312 / Format.MIB), "FLAT_INLINE after REBUILD");
        assertEquals("0.01 MiB", ByteAxis.decade(0.01), "a log-axis tick stays in MiB");
        assertEquals("0.05 MiB", ByteAxis.size(0.05), "a linear tick in MiB, not 51.2 KiB");
        // HashMap after deleting 10k entries: 2^14 compressed references (65,536 B) + 16 B array header + 48 B map
        assertEquals("0.0626 MiB", ByteAxis.size(65_600 / Format.MIB));
    }

    @Test
    void theTimeChartIsMillisecondsFromTheTimingPassWithKeepAsTheFloor() {
        RunData data = RunData.load(Fixtures.copy("remedies", tmp), List.of(), List.of());
        RemedyCosts costs = RemedyCosts.of(data.results());
        assertEquals(List.of("0.5", "0.9", "0.99"), RemedyTimeChart.fractions(costs, 128));
        List<RemedyTimeChart.Series> series = RemedyTimeChart.series(costs, 128);
        assertEquals(List.of("ECLIPSE REBUILD", "ECLIPSE TRIM", "FASTUTIL REBUILD", "FASTUTIL TRIM", "JDK_HASH_MAP REBUILD"),
                series.stream().map(RemedyTimeChart.Series::label).toList(), "KEEP is the floor line, never a series");
        XYChart c = (XYChart) RemedyTimeChart.picture(costs, 128).panels().get(0);
        assertEquals("ms per call (log scale)", c.getYAxisTitle());
        RemedyCosts.Cost fastutil = series.get(2).costs().get(0);
        // the median point and the min–max bar are the shots' own, in ms (the table of section 6 prints the same)
        assertEquals(fastutil.median(), named(c, "FASTUTIL REBUILD").getYData()[0], 0);
        double[] range = named(c, "FASTUTIL REBUILD range 0").getYData();
        assertEquals(fastutil.min(), range[0], 0);
        assertEquals(fastutil.max(), range[1], 0);
        AxesChartSeries keep = c.getSeriesCollection().stream().filter(s -> s.getName().startsWith("KEEP")).findFirst().orElseThrow();
        assertTrue(keep.getName().startsWith("KEEP: the timer's floor, 0.004 ms"), keep.getName());
        assertEquals(costs.floorMs(), keep.getYMin(), 0);
        assertEquals(costs.floorMs(), keep.getYMax(), 0);
    }

    private static <S extends AxesChartSeries> S named(AxesChart<?, S> c, String name) {
        return c.getSeriesCollection().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series '" + name + "'"));
    }

    @Test
    void legendLabelsWrapAtCommas() {
        assertEquals("JDK_HASH_MAP,\nJDK_LINKED_HASH_MAP,\nJDK_CONCURRENT_HASH_MAP",
                Charts.wrap("JDK_HASH_MAP, JDK_LINKED_HASH_MAP, JDK_CONCURRENT_HASH_MAP", 30));
        assertEquals("ECLIPSE, HPPC, AGRONA", Charts.wrap("ECLIPSE, HPPC, AGRONA", 30));
    }

    /** quick's and full's sizes hold 128 and 129, a byte apart: categories; an even sweep is a line; two sizes are points. */
    @Test
    void valueSizesTooFewOrTooCloseForALinearAxisAreCategories() {
        assertTrue(RetainedAfterDeleteChart.asCategories(List.of(128, 129)));
        assertTrue(RetainedAfterDeleteChart.asCategories(List.of(64, 128, 129, 256)));
        assertTrue(RetainedAfterDeleteChart.asCategories(List.of(64, 96, 127, 128, 129, 160, 192, 256)));
        assertFalse(RetainedAfterDeleteChart.asCategories(List.of(64, 96, 128, 160, 192, 256)));
    }
}
