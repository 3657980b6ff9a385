package dev.mapleak.report;

import dev.mapleak.report.ResultSet.Score;

import java.util.Locale;
import java.util.Optional;

/**
 * One reported number with its uncertainty: JMH's score, its error (the half-width of the 99.9% confidence
 * interval, NaN when there was a single sample) and how many samples it comes from.
 */
public record Reading(double score, double error, int samples) {

    public static final Reading MISSING = new Reading(Double.NaN, Double.NaN, 0);

    public static Reading of(Optional<Score> metric) {
        return metric.map(m -> new Reading(m.score(), m.error(), m.samples().size())).orElse(MISSING);
    }

    public boolean present() {
        return !Double.isNaN(score);
    }

    /** An error worth printing: several samples that did not all agree (JOL sizes always agree). */
    public boolean hasError() {
        return samples > 1 && !Double.isNaN(error) && error > 0;
    }

    /** Bytes in their unit with an error when there is one: {@code 1.89 MiB} or {@code 1.89 MiB ± 20.5 KiB}. */
    public String bytes() {
        if (!present()) {
            return Format.MISSING;
        }
        return hasError() ? Format.bytes(score) + " ± " + Format.bytes(error) : Format.bytes(score);
    }

    /** Milliseconds with an error when there is one. */
    public String ms() {
        if (!present()) {
            return Format.MISSING;
        }
        return hasError() ? Format.ms(score) + " ± " + Format.ms(error) : Format.ms(score);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ± %s (n=%d)", score, error, samples);
    }
}
