package dev.mapleak.scan;

import java.util.List;

/**
 * The scan as one self-contained HTML page: an inline SVG bar chart of the bytes a remedy would free per owner
 * group, then the table. No scripts, fonts or links to anything outside the file.
 */
final class ScanHtml {

    private ScanHtml() {
    }

    static String of(ScanReport r) {
        HeapScan.Result s = r.scan();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mapleak scan: ")
                .append(esc(s.dump().getFileName().toString())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}td.n{text-align:right}")
                .append("code{font-size:95%}</style></head><body>\n");
        h.append("<h1>Maps that never shrank: ").append(esc(s.dump().getFileName().toString())).append("</h1>\n");
        h.append(String.format("<p>Dump <code>%s</code> (%s, %,d objects), scanned in %.1f s.</p>%n",
                esc(s.dump().toString()), Bytes.human(s.dumpBytes()), s.objects(), s.seconds()));
        h.append("<ul><li>").append(esc(r.layoutLine())).append("</li><li>").append(esc(r.summary()))
                .append("</li><li>").append(esc(r.selection())).append("</li></ul>\n");
        h.append("<h2>Bytes a remedy would free, by owner</h2>\n").append(chart(r));
        h.append("<h2>Owner groups</h2>\n<table><tr><th>#</th><th>freed by remedy</th><th>table</th><th>maps</th>"
                + "<th>kind</th><th>live</th><th>slots</th><th>fill</th><th>owner</th></tr>\n");
        for (String[] row : ConsoleTable.rows(r)) {
            h.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                boolean text = c == 4 || c == 8;
                h.append(text ? "<td><code>" : "<td class=\"n\">").append(esc(row[c])).append(text ? "</code></td>" : "</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<ul>");
        for (String line : ConsoleTable.remedies(r)) {
            h.append("<li>").append(esc(line)).append("</li>");
        }
        h.append("</ul>\n<p>\"table\" is the heap bytes of the maps' table arrays (not their entries); \"freed by "
                + "remedy\" is what those arrays would shrink by if each map were rebuilt to its live size or trimmed by "
                + "its library; \"fill\" is live entries / table slots (Eclipse MAT's Collection Fill Ratio).</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Horizontal bars, one per group shown, scaled to the largest. */
    private static String chart(ScanReport r) {
        List<OwnerGroup> groups = r.shown();
        if (groups.isEmpty()) {
            return "<p>No owner group passes the filters.</p>\n";
        }
        long max = Math.max(1, groups.stream().mapToLong(OwnerGroup::freeable).max().orElse(1));
        int barHeight = 18;
        int labelWidth = 520;
        int barWidth = 360;
        int height = groups.size() * (barHeight + 6) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"bytes freed by owner\">%n",
                labelWidth + barWidth + 90, height));
        int y = 5;
        for (OwnerGroup g : groups) {
            int w = (int) Math.round((double) g.freeable() / max * barWidth);
            String label = g.owner() + String.format(" (%,d %s)", g.maps(), g.kind().name());
            if (label.length() > 80) {
                label = label.substring(0, 77) + "...";
            }
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 6,
                    y + barHeight - 5, esc(label)));
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#c0392b\"/>",
                    labelWidth, y, Math.max(1, w), barHeight));
            svg.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + Math.max(1, w) + 4,
                    y + barHeight - 5, esc(Bytes.human(g.freeable()))));
            y += barHeight + 6;
        }
        return svg.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
