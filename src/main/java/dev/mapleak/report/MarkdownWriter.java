package dev.mapleak.report;

import dev.mapleak.report.ReportDocument.Block;
import dev.mapleak.report.ReportDocument.Box;
import dev.mapleak.report.ReportDocument.Bullets;
import dev.mapleak.report.ReportDocument.Heading;
import dev.mapleak.report.ReportDocument.Image;
import dev.mapleak.report.ReportDocument.Paragraph;
import dev.mapleak.report.ReportDocument.Table;

import java.util.List;

/** {@code report.md}: GitHub-flavoured Markdown (pipe tables, relative image links). */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(ReportDocument doc) {
        StringBuilder md = new StringBuilder();
        for (Block b : doc.blocks()) {
            if (b instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (b instanceof Bullets l) {
                l.items().forEach(i -> md.append("- ").append(i).append('\n'));
                md.append('\n');
            } else if (b instanceof Image i) {
                md.append("![").append(i.alt()).append("](").append(i.path()).append(")\n\n");
                if (!i.caption().isEmpty()) {
                    md.append('*').append(i.caption()).append("*\n\n");
                }
            } else if (b instanceof Table t) {
                table(md, t);
            } else if (b instanceof Box x) {
                box(md, x);
            }
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** A box as a block quote: a notice is one quoted paragraph, findings a bold title and a numbered list. */
    private static void box(StringBuilder md, Box x) {
        if (x.kind() == Box.Kind.NOTICE) {
            md.append("> ").append(x.title()).append("\n\n");
            return;
        }
        md.append("> **").append(x.title()).append("**\n>\n");
        for (int i = 0; i < x.items().size(); i++) {
            md.append("> ").append(i + 1).append(". ").append(x.items().get(i)).append('\n');
        }
        md.append('\n');
    }

    private static void table(StringBuilder md, Table t) {
        md.append(row(t.header()));
        md.append(row(t.numeric().stream().map(n -> n ? "---:" : "---").toList()));
        t.rows().forEach(r -> md.append(row(r)));
        md.append('\n');
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }
}
