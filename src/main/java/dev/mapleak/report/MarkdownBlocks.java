package dev.mapleak.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small Markdown subset other report parts write (headings, paragraphs, {@code - } bullets, pipe tables
 * with a {@code ---}/{@code ---:} alignment row) back into {@link ReportDocument} blocks, so a section rendered as
 * Markdown elsewhere (summary.md's JVM tables) appears in report.md and report.html alike.
 */
final class MarkdownBlocks {

    private MarkdownBlocks() {
    }

    /**
     * Appends the blocks of {@code markdown} to {@code doc}; heading levels are shifted by {@code headingShift}
     * so a top-level section can sit inside one of the report's.
     */
    static void append(ReportDocument doc, String markdown, int headingShift, String anchorPrefix) {
        List<String> lines = markdown.lines().toList();
        int i = 0;
        int headings = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("#")) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                doc.heading(Math.min(6, level + headingShift), line.substring(level).strip(), anchorPrefix + "-" + ++headings);
                i++;
            } else if (line.startsWith("|")) {
                List<List<String>> rows = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith("|")) {
                    rows.add(cells(lines.get(i++)));
                }
                doc.table(table(rows));
            } else if (line.startsWith("- ")) {
                List<String> items = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith("- ")) {
                    items.add(lines.get(i++).substring(2).strip());
                }
                doc.bullets(items);
            } else {
                StringBuilder p = new StringBuilder();
                while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("#")
                        && !lines.get(i).startsWith("|") && !lines.get(i).startsWith("- ")) {
                    p.append(p.length() == 0 ? "" : " ").append(lines.get(i++).strip());
                }
                doc.paragraph(p.toString());
            }
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        // "\|" is an escaped pipe inside a cell
        String[] parts = inner.replace("\\|", "\u0000").split("\\|", -1);
        return Arrays.stream(parts).map(c -> c.replace('\u0000', '|').strip()).toList();
    }

    private static ReportDocument.Table table(List<List<String>> rows) {
        List<String> header = rows.get(0);
        boolean hasAlignment = rows.size() > 1 && rows.get(1).stream().allMatch(c -> c.matches(":?-{3,}:?"));
        List<Boolean> numeric = hasAlignment ? rows.get(1).stream().map(c -> c.endsWith(":")).toList()
                : header.stream().map(h -> false).toList();
        List<List<String>> body = new ArrayList<>();
        for (List<String> r : rows.subList(hasAlignment ? 2 : 1, rows.size())) {
            List<String> padded = new ArrayList<>(r);
            while (padded.size() < header.size()) {
                padded.add("");
            }
            body.add(List.copyOf(padded.subList(0, header.size())));
        }
        return new ReportDocument.Table(header, numeric, body);
    }
}
