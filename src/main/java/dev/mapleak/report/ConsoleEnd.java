package dev.mapleak.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run's console ends with: the title and the key findings as plain text, wrapped for a terminal, so the answer
 * is the last thing on screen; the full table stays in summary.md and the report.
 */
final class ConsoleEnd {

    static final int WIDTH = 110;

    private ConsoleEnd() {
    }

    static List<String> lines(RunData data) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(wrap(ReportTitle.of(data), "", ""));
        NarrowedRun.banner(data).ifPresent(b -> out.addAll(wrap(HtmlWriter.plain(b), "", "")));
        List<String> findings = KeyFindings.of(data);
        if (findings.isEmpty()) {
            out.add("No key findings: the run has no lifecycle results under the seed's conditions (see summary.md).");
        } else {
            out.add("Key findings:");
            for (int i = 0; i < findings.size(); i++) {
                String n = (i + 1) + ". ";
                out.addAll(wrap(HtmlWriter.plain(findings.get(i)), "  " + n, "  " + " ".repeat(n.length())));
            }
        }
        out.add("");
        return out;
    }

    /** Word-wraps {@code text} at {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
    static List<String> wrap(String text, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int empty = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > empty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = rest.length();
            }
            if (line.length() > empty) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
