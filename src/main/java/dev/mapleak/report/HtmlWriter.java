package dev.mapleak.report;

import dev.mapleak.report.ReportDocument.Block;
import dev.mapleak.report.ReportDocument.Box;
import dev.mapleak.report.ReportDocument.Bullets;
import dev.mapleak.report.ReportDocument.Heading;
import dev.mapleak.report.ReportDocument.Image;
import dev.mapleak.report.ReportDocument.Paragraph;
import dev.mapleak.report.ReportDocument.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained file that opens offline. Charts are embedded as {@code data:}
 * URIs, the style sheet is inline, there is no script, and fonts are the reader's own: nothing is fetched.
 */
public final class HtmlWriter {

    private HtmlWriter() {
    }

    /**
     * Verdict cells are tinted by whether the Go article's claim is true, which is neither good nor bad for a reader:
     * blue and violet shades, never green and red.
     */
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;margin:2em auto;max-width:1200px;
            padding:0 1em;color:#1f2328;line-height:1.45}
            h1{border-bottom:2px solid #d0d7de;padding-bottom:.3em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:2em}
            code{background:#f3f4f6;padding:.1em .3em;border-radius:4px;font-size:90%}
            .scroll{overflow-x:auto;margin:1em 0;max-width:100%}
            table{border-collapse:collapse;font-size:90%}th,td{border:1px solid #d0d7de;padding:.25em .6em;vertical-align:top}
            th{background:#f6f8fa;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr:nth-child(even) td{background:#fafbfc}
            td.holds{background:#ddf4ff !important}td.partly{background:#eef2fb !important}
            td.fails{background:#f3eefc !important}td.unmeasured{background:#eef1f4 !important;color:#57606a}
            figure{margin:1em 0}figure img{max-width:100%;border:1px solid #d0d7de}figcaption{color:#57606a;font-size:90%}
            .findings{background:#f6f8fa;border:1px solid #8c959f;border-left:6px solid #0969da;border-radius:6px;padding:.6em 1.2em;margin:1em 0}
            .findings-title{font-weight:600;font-size:115%;margin:.3em 0}.findings li{margin:.35em 0}
            .notice{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.6em 1em}
            nav{background:#f6f8fa;border:1px solid #d0d7de;padding:.5em 1em;border-radius:6px}nav a{margin-right:1em}
            @media (max-width:900px){body{margin:1em auto}table{font-size:78%}th,td{padding:.2em .35em}}
            """;

    /** The page; images are read from {@code runDir} and embedded. */
    public static String write(ReportDocument doc, Path runDir) {
        StringBuilder h = new StringBuilder();
        String title = doc.blocks().stream().filter(b -> b instanceof Heading hd && hd.level() == 1)
                .map(b -> plain(((Heading) b).text())).findFirst().orElse("mapleak report");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        boolean navDone = false;
        for (Block b : doc.blocks()) {
            if (b instanceof Heading hd) {
                if (hd.level() == 2 && !navDone) {
                    h.append(nav(doc));
                    navDone = true;
                }
                h.append("<h").append(hd.level()).append(" id=\"").append(escape(hd.anchor())).append("\">")
                        .append(inline(hd.text())).append("</h").append(hd.level()).append(">\n");
            } else if (b instanceof Paragraph p) {
                h.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                h.append("<ul>\n");
                l.items().forEach(i -> h.append("<li>").append(inline(i)).append("</li>\n"));
                h.append("</ul>\n");
            } else if (b instanceof Image i) {
                h.append(image(i, runDir));
            } else if (b instanceof Table t) {
                table(h, t);
            } else if (b instanceof Box x) {
                box(h, x);
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String nav(ReportDocument doc) {
        StringBuilder n = new StringBuilder("<nav>");
        doc.blocks().stream().filter(b -> b instanceof Heading hd && hd.level() == 2).map(b -> (Heading) b)
                .forEach(hd -> n.append("<a href=\"#").append(escape(hd.anchor())).append("\">")
                        .append(escape(plain(hd.text()))).append("</a>"));
        return n.append("</nav>\n").toString();
    }

    private static String image(Image i, Path runDir) {
        Path file = runDir.resolve(i.path());
        StringBuilder f = new StringBuilder("<figure>");
        try {
            byte[] bytes = Files.readAllBytes(file);
            String type = i.path().endsWith(".svg") ? "image/svg+xml" : "image/png";
            f.append("<img alt=\"").append(escape(i.alt())).append("\" src=\"data:").append(type).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(bytes)).append("\">");
        } catch (IOException e) {
            f.append("<p>(chart ").append(escape(i.path())).append(" could not be read: ").append(escape(String.valueOf(e.getMessage()))).append(")</p>");
        }
        if (!i.caption().isEmpty()) {
            f.append("<figcaption>").append(inline(i.caption())).append("</figcaption>");
        }
        return f.append("</figure>\n").toString();
    }

    private static void box(StringBuilder h, Box x) {
        if (x.kind() == Box.Kind.NOTICE) {
            h.append("<p class=\"notice\">").append(inline(x.title())).append("</p>\n");
            return;
        }
        h.append("<section class=\"findings\"><p class=\"findings-title\">").append(inline(x.title())).append("</p>\n<ol>\n");
        x.items().forEach(i -> h.append("<li>").append(inline(i)).append("</li>\n"));
        h.append("</ol></section>\n");
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<div class=\"scroll\"><table>\n<thead><tr>");
        t.header().forEach(c -> h.append("<th>").append(inline(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String cls = Verdict.fromLabel(plain(cell)).map(Verdict::cssClass)
                        .orElse(t.numeric().get(i) ? "n" : "");
                h.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(inline(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    /** Escapes, then turns the three inline marks into HTML; links may only be relative (nothing is fetched). */
    static String inline(String text) {
        String s = escape(text);
        s = CODE.matcher(s).replaceAll("<code>$1</code>");
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        Matcher m = LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String href = m.group(2);
            boolean relative = !href.contains(":") && !href.startsWith("//");
            m.appendReplacement(out, Matcher.quoteReplacement(relative
                    ? "<a href=\"" + href + "\">" + m.group(1) + "</a>" : m.group(1) + " (" + href + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text without inline marks. */
    static String plain(String text) {
        return LINK.matcher(BOLD.matcher(CODE.matcher(text).replaceAll("$1")).replaceAll("$1")).replaceAll("$1");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
