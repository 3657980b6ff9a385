/**
 * The run folder: the one contract between the runner, which writes it, and the report, which reads it alone.
 *
 * <p>{@link dev.mapleak.folder.RunFolder} owns the layout ({@code run.json}, {@code environment.json},
 * {@code subjects.json}, {@code plan.json}, {@code results/}, {@code failures/}, the rendered outputs) and writes
 * every file atomically. The typed names that cross the JSON boundary are declared here once:
 * {@link dev.mapleak.folder.Phase}, {@link dev.mapleak.folder.Metric}, {@link dev.mapleak.folder.Storage},
 * {@link dev.mapleak.folder.SubjectKind} and {@link dev.mapleak.folder.SubjectInfo}.
 *
 * <p>May use: the JDK and Gson. Used by every other package; it uses none of them, so a run folder made by an
 * older mapleak stays readable whatever the subjects and benchmarks become.
 */
package dev.mapleak.folder;
