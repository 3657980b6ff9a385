package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.awt.Graphics2D;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, defect 2, second guard: whatever reaches a chart, drawing it can never hang the report. A value no axis
 * can lay out is refused before XChart sees it, and encoding that does not finish is abandoned after a bound.
 */
class ChartGuardTest {

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aValueBeyondTheAxisLimitIsRefusedBeforeDrawing() {
        // 1e308 bytes in MiB: the value that sent XChart's axis formatter into an endless loop.
        XYChart c = new XYChartBuilder().width(400).height(300).build();
        c.addSeries("huge", List.of(128.0, 129.0), List.of(1.0, 1e308 / 1048576.0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Charts.checkAxisRange(c));
        assertEquals("series 'huge' has a value of 9.5367431640625E301, beyond what an axis can show", e.getMessage());
    }

    @Test
    void valuesWithinTheLimitAreDrawn() throws Exception {
        XYChart c = new XYChartBuilder().width(400).height(300).build();
        c.addSeries("fine", List.of(128.0, 129.0), List.of(1.0, 8.0e9)); // 2^53 bytes is 8.6e9 MiB
        Charts.checkAxisRange(c);
        byte[] png = Charts.encode(c, 60);
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void panelsAreDrawnSideBySideAndEachIsGuarded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        XYChart left = new XYChartBuilder().width(400).height(300).build();
        left.addSeries("fine", List.of(128.0, 129.0), List.of(1.0, 2.0));
        XYChart right = new XYChartBuilder().width(300).height(300).build();
        right.addSeries("fine too", List.of(128.0, 129.0), List.of(3.0, 4.0));
        byte[] png = Charts.encode(new Charts.Picture(List.of(left, right)), 60);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(700, image.getWidth(), "400 + 300 px, one picture");
        assertEquals(300, image.getHeight());
        // a panel with a value no axis can lay out fails the whole chart, named as a problem, and writes nothing
        XYChart huge = new XYChartBuilder().width(300).height(300).build();
        huge.addSeries("huge", List.of(128.0, 129.0), List.of(1.0, 1e308 / 1048576.0));
        Charts.Drawn d = Charts.draw(dir, "charts/two.png", "alt", "caption", () -> new Charts.Picture(List.of(left, huge)));
        assertEquals("charts/two.png: not drawn: IllegalStateException: series 'huge' has a value of 9.5367431640625E301, "
                + "beyond what an axis can show", d.problem());
        assertTrue(java.nio.file.Files.notExists(dir.resolve("charts/two.png")));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void drawingThatDoesNotFinishIsAbandoned() {
        CountDownLatch release = new CountDownLatch(1);
        // A chart whose painting blocks (standing in for XChart looping): encode gives up after its bound.
        XYChart stuck = new XYChart(400, 300) {
            @Override
            public void paint(Graphics2D g, int width, int height) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        stuck.addSeries("s", List.of(1.0, 2.0), List.of(1.0, 2.0));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Charts.encode(stuck, 2));
            assertEquals("drawing took longer than 2 s", e.getMessage());
        } finally {
            release.countDown();
        }
    }
}
