package dev.mapleak.report;

import java.util.Arrays;
import java.util.Optional;

/** What a run's numbers say about one of the seed's claims. */
public enum Verdict {
    HOLDS("holds", "holds"),
    PARTLY("holds only partly", "partly"),
    DOES_NOT_HOLD("does not hold", "fails"),
    NOT_MEASURED("not measured in this run", "unmeasured"),
    /** The claim is about something these maps do not have (Go's 128-byte layout rule, a table a tree lacks). */
    NOT_APPLICABLE("not applicable", "unmeasured"),
    /** The figures a verdict needs are there but contradict each other (a share over 100%): reported, never judged. */
    INVALID("invalid data: no verdict", "unmeasured");

    private final String label;
    private final String cssClass;

    Verdict(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String label() {
        return label;
    }

    String cssClass() {
        return cssClass;
    }

    /** HOLDS when every case agrees, DOES_NOT_HOLD when none does, PARTLY in between; NOT_MEASURED without cases. */
    static Verdict ofCount(int agreeing, int cases) {
        if (cases == 0) {
            return NOT_MEASURED;
        }
        return agreeing == cases ? HOLDS : agreeing == 0 ? DOES_NOT_HOLD : PARTLY;
    }

    static Optional<Verdict> fromLabel(String text) {
        return Arrays.stream(values()).filter(v -> v.label.equals(text)).findFirst();
    }
}
