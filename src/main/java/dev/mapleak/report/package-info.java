/**
 * The report: everything mapleak writes about a finished run, made from its run folder alone.
 *
 * <p>{@link dev.mapleak.report.ReportCommand} is the one entry point: the runner calls
 * {@code renderFolder(runDir, printer)} at the end of every run, {@code ./run-bench.sh report RUN_DIR} calls
 * {@code render(runDir, out)}. Both read the folder once into {@link dev.mapleak.report.RunData} (run.json,
 * environment.json, subjects.json, plan.json, results/, failures/) and build two documents of the same model,
 * {@link dev.mapleak.report.ReportDocument} (headings, paragraphs, tables, bullets, images, boxes): summary.md
 * ({@link dev.mapleak.report.Summary}) and the report, whose sections are listed, in order and numbered by that
 * order, in {@link dev.mapleak.report.Section}. Before the sections the report answers on its first screen: a title
 * that says what was measured ({@link dev.mapleak.report.ReportTitle}), a banner when the run measured less than its
 * profile ({@link dev.mapleak.report.NarrowedRun}) and numbered findings computed from the run
 * ({@link dev.mapleak.report.KeyFindings}), which are also what the console ends with
 * ({@link dev.mapleak.report.ConsoleEnd}). Library maps and mapleak's own are told apart everywhere
 * ({@link dev.mapleak.report.Provenance}). Everything holds the key order at SEQUENTIAL (the seed's) but
 * {@link dev.mapleak.report.KeyOrders}, which compares it with RANDOM in a run that measured both. {@link dev.mapleak.report.MarkdownWriter} writes summary.md and
 * report.md, {@link dev.mapleak.report.HtmlWriter} report.html; every number goes through
 * {@link dev.mapleak.report.Format}. {@link dev.mapleak.report.ReportIndex} writes {@code reports/README.md}.
 *
 * <p>What it may use: {@code dev.mapleak.folder} (the run folder's layout and the typed names that cross the JSON
 * boundary: {@code Phase}, {@code Metric}, {@code Storage}, {@code SubjectKind}, {@code Subjects}) and libraries
 * (Gson, XChart). Never the runner ({@code dev.mapleak.run}), the subjects ({@code dev.mapleak.subject}), the
 * probes ({@code dev.mapleak.measure}) or the experiment ({@code dev.mapleak.lifecycle}): what a subject is and
 * how it stored its values is read from the run's {@code subjects.json}, so a run made years ago re-renders as it
 * was made, whatever the code has become since.
 */
package dev.mapleak.report;
