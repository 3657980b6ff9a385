package dev.mapleak.scan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scan as a text table on the terminal, and as the same table in Markdown. */
final class ConsoleTable {

    private static final String[] HEADER = {"#", "freed by remedy", "table", "maps", "kind", "live", "slots", "fill",
            "owner (class.field)"};

    private ConsoleTable() {
    }

    static List<String[]> rows(ScanReport r) {
        List<String[]> rows = new ArrayList<>();
        int i = 1;
        for (OwnerGroup g : r.shown()) {
            rows.add(new String[]{String.valueOf(i++), Bytes.human(g.freeable()), Bytes.human(g.tableBytes()),
                    String.format("%,d", g.maps()), g.kind().name(), String.format("%,d", g.live()),
                    String.format("%,d", g.slots()), String.format(Locale.ROOT, "%.3f", g.fillRatio()), g.owner()});
        }
        return rows;
    }

    static void print(ScanReport r, PrintStream out) {
        HeapScan.Result s = r.scan();
        out.printf("mapleak scan %s (%s, %,d objects, %.1f s, peak heap %s)%n", s.dump(), Bytes.human(s.dumpBytes()),
                s.objects(), s.seconds(), Bytes.human(r.peakHeapBytes()));
        out.println(r.layoutLine());
        out.println(r.summary());
        List<String[]> rows = rows(r);
        rows.add(0, HEADER);
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean left = c == 4 || c == 8;
                String cell = left ? String.format("%-" + width[c] + "s", row[c]) : String.format("%" + width[c] + "s", row[c]);
                line.append(c == 0 ? "" : "  ").append(c == row.length - 1 ? row[c] : cell);
            }
            out.println(line);
        }
        out.println(r.selection());
        remedies(r).forEach(out::println);
    }

    /** One line per kind shown: its remedy, and with --costs what it cost in that run. */
    static List<String> remedies(ScanReport r) {
        List<String> lines = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (OwnerGroup g : r.shown()) {
            if (!seen.contains(g.kind().name())) {
                seen.add(g.kind().name());
                lines.add("remedy for " + g.kind().name() + ": " + g.kind().remedy());
            }
        }
        if (r.costs() != null) {
            int i = 1;
            for (OwnerGroup g : r.shown()) {
                lines.add(String.format("cost #%d %s: %s", i++, g.kind().name(), g.cost() == null
                        ? "not measured in " + r.costs().folder() : g.cost().describe(g.maps())));
            }
        }
        return lines;
    }

    static String markdown(ScanReport r) {
        HeapScan.Result s = r.scan();
        StringBuilder md = new StringBuilder();
        md.append("# Maps that never shrank: ").append(s.dump().getFileName()).append("\n\n");
        md.append(String.format("Dump `%s` (%s, %,d objects), scanned in %.1f s.%n%n", s.dump(),
                Bytes.human(s.dumpBytes()), s.objects(), s.seconds()));
        md.append("- ").append(r.layoutLine()).append("\n");
        md.append("- ").append(r.summary()).append("\n");
        md.append("- ").append(r.selection()).append("\n\n");
        md.append("| # | freed by remedy | table | maps | kind | live | slots | fill | owner |\n");
        md.append("|--:|--:|--:|--:|---|--:|--:|--:|---|\n");
        for (String[] row : rows(r)) {
            md.append("| ");
            for (int c = 0; c < row.length; c++) {
                String cell = c == 4 || c == 8 ? "`" + row[c] + "`" : row[c];
                md.append(cell.replace("|", "\\|")).append(c == row.length - 1 ? " |\n" : " | ");
            }
        }
        md.append("\n");
        for (String line : remedies(r)) {
            md.append("- ").append(line).append("\n");
        }
        md.append("\n\"table\" is the heap bytes of the maps' table arrays (not their entries); \"freed by remedy\" is "
                + "what those arrays would shrink by if each map were rebuilt to its live size or trimmed by its "
                + "library; \"fill\" is live entries / table slots (Eclipse MAT's Collection Fill Ratio).\n");
        return md.toString();
    }
}
