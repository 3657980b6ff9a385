package dev.mapleak.report;

/**
 * The sections of report.md and report.html, in the order they appear: a section's number is its place in
 * this list, so adding or moving one renumbers every heading and every reference to it.
 */
enum Section {
    RUN("What was run", "run"),
    SEED("The seed's experiment in Java", "seed"),
    CHARTS("Charts", "charts"),
    OPERATIONS("Operations, churn and GC", "operations"),
    CLAIMS("The seed's claims checked", "claims"),
    REMEDY_COST("What a remedy costs", "remedy-cost"),
    ADVICE("Advice from these numbers", "advice"),
    CAVEATS("Error bars, and what is missing", "caveats");

    private final String title;
    private final String anchor;

    Section(String title, String anchor) {
        this.title = title;
        this.anchor = anchor;
    }

    int number() {
        return ordinal() + 1;
    }

    /** "section 5", for a reference from elsewhere in the report. */
    String reference() {
        return "section " + number();
    }

    /** The section's level-2 heading, "5. The seed's claims checked". */
    void heading(ReportDocument doc) {
        doc.heading(2, number() + ". " + title, anchor);
    }

    /** A numbered subsection heading, "5.2 title". */
    void subheading(ReportDocument doc, int n, String text, String subAnchor) {
        doc.heading(3, number() + "." + n + " " + text, subAnchor);
    }
}
