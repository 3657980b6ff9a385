/**
 * The runner: turns a profile ({@code profiles/NAME.properties}) into checked JMH groups and runs them, one fork
 * per group, into a run folder.
 *
 * <p>How a run goes: {@link dev.mapleak.run.Profile} reads the profile; {@link dev.mapleak.run.Plan} expands it into
 * {@link dev.mapleak.run.Combination}s (one JMH group each) and the combinations that are not applicable, with why;
 * before anything runs, every input is checked ({@link dev.mapleak.run.ParamDomain}, {@link dev.mapleak.run.JdkDiscovery},
 * {@link dev.mapleak.run.JvmConfig#check()}, {@link dev.mapleak.run.HeapPreflight}, {@link dev.mapleak.run.ReportsDir}),
 * and bad input is a {@link dev.mapleak.folder.UsageException}; then {@link dev.mapleak.run.BenchRun} makes the run
 * folder, and {@link dev.mapleak.run.GroupPool} runs the groups through {@link dev.mapleak.run.GroupRunner}, memory
 * groups {@link dev.mapleak.run.Jobs} at a time and timing groups alone, each result saved as soon as its group ends,
 * so an interrupted run is finished by a resume. {@link dev.mapleak.run.DryRun} prints a plan instead, with a wall
 * time from {@link dev.mapleak.run.MeasuredTimes} (the {@code times.json} of earlier runs, {@link dev.mapleak.run.GroupTimes}).
 *
 * <p>May use: {@code dev.mapleak.folder} (the run folder it writes), {@code dev.mapleak.subject},
 * {@code dev.mapleak.lifecycle} and {@code dev.mapleak.measure} (what the groups measure, to check parameters and
 * describe subjects), JMH's runner API, and {@code dev.mapleak.report} through its one entry point
 * ({@code ReportCommand.renderFolder}) at the end of a run. It does not know the command line: {@code dev.mapleak.cli}
 * calls it; nothing here imports {@code dev.mapleak.cli}.
 */
package dev.mapleak.run;
