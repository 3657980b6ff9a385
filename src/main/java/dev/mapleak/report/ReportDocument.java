package dev.mapleak.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A document as a list of blocks, the one model behind every file a run gets: the report, written once and
 * rendered twice ({@link MarkdownWriter} for {@code report.md}, {@link HtmlWriter} for {@code report.html}), and
 * {@link Summary}'s {@code summary.md} (MarkdownWriter again). One table renderer per output format, so a table
 * reads the same in all three.
 *
 * <p>Text may use three inline marks, the common subset of Markdown that both writers understand:
 * {@code **bold**}, {@code `code`} and {@code [text](relative/link)}.
 */
public final class ReportDocument {

    /** One piece of the report. */
    public sealed interface Block permits Heading, Paragraph, Table, Image, Bullets, Box {
    }

    /** A section heading; level 1 is the title. */
    public record Heading(int level, String text, String anchor) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /**
     * A table; {@code numeric[i]} right-aligns column i. Cells are plain text with the inline marks.
     */
    public record Table(List<String> header, List<Boolean> numeric, List<List<String>> rows) implements Block {
        public Table {
            if (header.size() != numeric.size()) {
                throw new IllegalArgumentException("one alignment per column");
            }
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, header " + header.size());
                }
            }
        }
    }

    /** An image file in the run folder, {@code path} relative to it. */
    public record Image(String path, String alt, String caption) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }

    /**
     * A framed block read before everything else: the key findings (a numbered list under a title) or a notice (one
     * paragraph, such as a narrowed run's banner, with an empty item list).
     */
    public record Box(Kind kind, String title, List<String> items) implements Block {
        public enum Kind { FINDINGS, NOTICE }
    }

    private final List<Block> blocks = new ArrayList<>();

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public ReportDocument heading(int level, String text, String anchor) {
        blocks.add(new Heading(level, text, anchor));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument table(Table table) {
        blocks.add(table);
        return this;
    }

    public ReportDocument image(String path, String alt, String caption) {
        blocks.add(new Image(path, alt, caption));
        return this;
    }

    /** The key findings: a title and numbered items. */
    public ReportDocument findings(String title, List<String> items) {
        blocks.add(new Box(Box.Kind.FINDINGS, title, List.copyOf(items)));
        return this;
    }

    /** A notice framed above the report, e.g. that the run measured less than its profile. */
    public ReportDocument notice(String text) {
        blocks.add(new Box(Box.Kind.NOTICE, text, List.of()));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    /** Builds a table row by row; a column is numeric when its header is added with {@link #num}. */
    public static final class TableBuilder {
        private final List<String> header = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        public TableBuilder text(String... names) {
            for (String n : names) {
                header.add(n);
                numeric.add(false);
            }
            return this;
        }

        public TableBuilder num(String... names) {
            for (String n : names) {
                header.add(n);
                numeric.add(true);
            }
            return this;
        }

        public TableBuilder row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public Table build() {
            return new Table(List.copyOf(header), List.copyOf(numeric), List.copyOf(rows));
        }
    }
}
