package dev.mapleak.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownBlocksTest {

    @Test
    void headingsParagraphsBulletsAndTablesComeBackAsBlocks() {
        String md = "\n## Memory handed back\n\nCommitted heap, **MiB**\nper phase.\n\n"
                + "| subject | committed |\n| --- | ---: |\n| JDK_HASH_MAP | 1.00 → 2.00 |\n\n- one\n- two `x`\n";
        ReportDocument doc = new ReportDocument();
        MarkdownBlocks.append(doc, md, 1, "jvm");
        assertEquals(List.of(
                new ReportDocument.Heading(3, "Memory handed back", "jvm-1"),
                new ReportDocument.Paragraph("Committed heap, **MiB** per phase."),
                new ReportDocument.Table(List.of("subject", "committed"), List.of(false, true),
                        List.of(List.of("JDK_HASH_MAP", "1.00 → 2.00"))),
                new ReportDocument.Bullets(List.of("one", "two `x`"))), doc.blocks());
    }

    @Test
    void markdownWrittenBackIsTheSame() {
        String md = "## A\n\nText.\n\n| a | b |\n| --- | ---: |\n| x \\| y | 2 |\n";
        ReportDocument doc = new ReportDocument();
        MarkdownBlocks.append(doc, md, 0, "a");
        assertEquals("## A\n\nText.\n\n| a | b |\n| --- | ---: |\n| x \\| y | 2 |\n", MarkdownWriter.write(doc));
    }
}
