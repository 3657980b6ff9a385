package dev.mapleak.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {

    @Test
    void bytesScaleFromBToGiBAndNeverPrintMinusZero() {
        assertEquals("48 B", Format.bytes(48));                  // an empty HashMap (JOL), which read 0.000046 MiB before
        assertEquals("1,016 B", Format.bytes(1016));
        assertEquals("64.06 KiB", Format.bytes(65_600));          // a 16k-slot table: 65,600 / 1,024 = 64.06
        assertEquals("1.89 MiB", Format.bytes(1_985_600));
        assertEquals("8.00 MiB", Format.bytes(8_388_624));       // HashMap's 2^21-slot table of 4-byte refs + 16 B header
        assertEquals("293.50 MiB", Format.bytes(293.50 * 1048576));
        assertEquals("1.00 GiB", Format.bytes(1L << 30));
        assertEquals("-2.00 MiB", Format.bytes(-2 * 1048576.0)); // RSS that grew shows its sign
        assertEquals("0 B", Format.bytes(-0.3));
        assertEquals("0 B", Format.bytes(0));
        assertEquals("–", Format.bytes(Double.NaN));
        assertEquals("0.0%", Format.percent(-0.0001));           // never "-0.0%"
        assertEquals("8.4 B", Format.bytesPerDeleted(8.388624));
        assertEquals("0 B", Format.bytesPerDeleted(-0.01));
    }

    @Test
    void ratiosPercentagesAndSizes() {
        assertEquals("0.50×", Format.ratio(0.5));
        assertEquals("17.0×", Format.ratio(17.0));
        assertEquals("412×", Format.ratio(412.3));
        assertEquals("–", Format.ratio(Double.POSITIVE_INFINITY));
        assertEquals("3.3%", Format.percent(0.033015));
        assertEquals("128 and 129 bytes", Format.sizes(List.of(128, 129)));
        assertEquals("64, 96 and 128 bytes", Format.sizes(List.of(64, 96, 128)));
    }

    @Test
    void perEntryRatesAndJmhScores() {
        assertEquals("208.0", Format.bytesPerEntry(208));   // a HashMap entry at 129 bytes, standard headers (JvmSectionTest)
        assertEquals("–", Format.bytesPerEntry(Double.NaN));
        assertEquals("1,205", Format.rate(1204.6));
        assertEquals("3.52", Format.rate(3.5151));
        assertEquals("0.0071", Format.rate(0.00712));
        assertEquals("12", Format.score(12));               // a GC count stays whole
        assertEquals("1,235", Format.score(1234.56));
        assertEquals("3.14", Format.score(3.14159));
        assertEquals("0.01235", Format.score(0.0123456));
        assertEquals("–", Format.score(Double.NaN));
    }

    @Test
    void millisecondsKeepThreeSignificantPlacesBelowOneAndNoDecimalsFromAHundred() {
        // summary.md's reclaim ms used "%.2f" (0.01); it now prints what report.md prints (0.006)
        assertEquals("0.006", Format.ms(0.0061));
        assertEquals("2.47", Format.ms(2.4712));
        assertEquals("1,234", Format.ms(1234.4));
    }
}
