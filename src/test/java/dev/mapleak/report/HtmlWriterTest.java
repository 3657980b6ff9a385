package dev.mapleak.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlWriterTest {

    @Test
    void inlineMarksBecomeHtmlAfterEscaping() {
        assertEquals("<strong>a &lt;b&gt;</strong> <code>x&amp;y</code>", HtmlWriter.inline("**a <b>** `x&y`"));
        assertEquals("<a href=\"summary.md\">summary</a>", HtmlWriter.inline("[summary](summary.md)"));
    }

    @Test
    void remoteLinksAreNeverMadeClickable() {
        assertEquals("go (https://example.org/x)", HtmlWriter.inline("[go](https://example.org/x)"));
    }

    @Test
    void verdictCellsAreColouredAndAMissingChartIsSaidSo() {
        ReportDocument doc = new ReportDocument().heading(1, "t", "t")
                .table(new ReportDocument.TableBuilder().text("where", "verdict").row(List.of("Java", "holds only partly")).build())
                .image("charts/none.png", "a chart", "");
        String html = HtmlWriter.write(doc, Path.of("/nonexistent"));
        assertTrue(html.contains("<td class=\"partly\">holds only partly</td>"), html);
        assertTrue(html.contains("(chart charts/none.png could not be read"), html);
    }
}
