package dev.mapleak.report;

import java.util.Locale;

/**
 * How numbers are written in summary.md, report.md and report.html alike: bytes in B, KiB, MiB or GiB (powers of
 * 1,024) as they fit, milliseconds, ratios,
 * percentages, bytes per entry, MiB per millisecond and JMH's other scores. Every number a report prints goes
 * through here, so one value reads the same wherever it appears.
 */
public final class Format {

    /** A number that was not measured. */
    public static final String MISSING = "–";
    /** Bytes in a MiB (the seed's "MB" is Go's MiB). */
    public static final double MIB = 1048576.0;

    private Format() {
    }

    /**
     * Bytes in the unit that fits them, the same wherever they appear: whole bytes below a KiB ({@code 48 B}), then
     * three significant digits in KiB or MiB below 10 of them ({@code 64.1 KiB}, {@code 1.89 MiB}), two decimals above
     * ({@code 293.29 MiB}), and GiB from 1,024 MiB on ({@code 1.00 GiB}). A value that rounds to zero prints as
     * {@code 0 B}, never {@code -0}.
     */
    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return MISSING;
        }
        double a = Math.abs(bytes);
        if (Math.round(a) == 0) {
            return "0 B";
        }
        if (a < 1024) {
            return String.format(Locale.ROOT, "%,d B", Math.round(bytes));
        }
        String[] units = {"KiB", "MiB", "GiB"};
        double v = bytes / 1024;
        int u = 0;
        while (u < units.length - 1 && Math.abs(v) >= 1024) {
            v /= 1024;
            u++;
        }
        double av = Math.abs(v);
        String digits = av >= 10 ? "%,.2f" : "%.3g";
        if (av >= 100 && u == 0) {
            digits = "%,.1f";
        }
        return String.format(Locale.ROOT, digits, v) + " " + units[u];
    }

    /** Bytes kept per deleted entry, a few bytes to a few hundred: {@code 8.4 B}, {@code 293.2 B}. */
    public static String bytesPerDeleted(double b) {
        if (Double.isNaN(b)) {
            return MISSING;
        }
        return Math.abs(b) < 0.05 ? "0 B" : String.format(Locale.ROOT, "%,.1f B", b);
    }

    public static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return MISSING;
        }
        double a = Math.abs(ms);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 1 ? "%.2f" : "%.3f", ms);
    }

    /** A ratio such as {@code 0.01×} or {@code 412×}. */
    public static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return MISSING;
        }
        double a = Math.abs(r);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f×" : a >= 10 ? "%.1f×" : "%.2f×", r);
    }

    /** A fraction as a percentage: {@code 0.0331} → {@code 3.3%}; one that rounds to zero is {@code 0.0%}, never {@code -0.0%}. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return MISSING;
        }
        double p = fraction * 100;
        return String.format(Locale.ROOT, "%.1f%%", Math.abs(p) < 0.05 ? 0.0 : p);
    }

    /** A difference as a signed percentage with three decimals ("+0.000%", "-1.234%"): model against measured. */
    public static String signedPercent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%+.3f%%", fraction * 100);
    }

    /** "128 bytes", "128 and 129 bytes", "64, 96 and 128 bytes". */
    public static String sizes(java.util.List<Integer> sizes) {
        if (sizes.isEmpty()) {
            return "no value size";
        }
        java.util.List<String> s = sizes.stream().map(String::valueOf).toList();
        String joined = s.size() == 1 ? s.get(0)
                : String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
        return joined + " bytes";
    }

    /** Bytes per entry, one decimal: {@code 208.0}. */
    public static String bytesPerEntry(double b) {
        return Double.isNaN(b) ? MISSING : String.format(Locale.ROOT, "%.1f", b);
    }

    /** MiB freed per millisecond: {@code 1,204}, {@code 3.52}, {@code 0.0071}. */
    public static String rate(double mibPerMs) {
        return String.format(Locale.ROOT, mibPerMs >= 10 ? "%,.0f" : mibPerMs >= 0.1 ? "%.2f" : "%.4f", mibPerMs);
    }

    /** A JMH score in its own unit (ops/ms, GC count, bytes/op): whole numbers as such, else 2 or 4 significant places. */
    public static String score(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        double a = Math.abs(v);
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v); // counts: GC count, bytes per op that are whole
        }
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 1 ? "%.2f" : "%.4g", v);
    }

    /** Memory of a machine: {@code 23.5 GiB}. */
    public static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
