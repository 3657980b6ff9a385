package dev.mapleak.report;

import java.util.Locale;

/**
 * How numbers are written in summary.md, report.md and report.html alike: MiB (2^20 bytes), milliseconds, ratios,
 * percentages, bytes per entry, MiB per millisecond and JMH's other scores. Every number a report prints goes
 * through here, so one value reads the same wherever it appears.
 */
public final class Format {

    /** A number that was not measured. */
    public static final String MISSING = "–";
    /** Bytes in a MiB, the unit of every memory figure (the seed's "MB" is Go's MiB). */
    public static final double MIB = 1048576.0;

    private Format() {
    }

    /**
     * Bytes as MiB with three significant digits below 10 MiB and two decimals above, so a 10k-entry smoke run
     * (tens of KiB) and a 1M-entry run (hundreds of MiB) both read well: {@code 0.0626}, {@code 1.89}, {@code 293.50}.
     */
    public static String mib(double bytes) {
        if (Double.isNaN(bytes)) {
            return MISSING;
        }
        double m = bytes / MIB;
        double a = Math.abs(m);
        if (a == 0) {
            return "0";
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%,.2f", m);
        }
        int decimals = Math.max(2, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", m);
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

    /** A fraction as a percentage: {@code 0.0331} → {@code 3.3%}. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
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
