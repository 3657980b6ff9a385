/**
 * What runs inside a benchmark fork to measure a map: one {@link dev.mapleak.measure.Probe} per metric (JOL
 * footprint, heap after a settled GC, committed heap, RSS, live entries, the Go model's figure), the recorder
 * benchmarks call from untimed setup and teardown, and the JMH profiler ({@code -prof retained}) that turns the
 * readings into secondary metrics. For timing groups ({@code @TimingPass}): the settled GC before a shot and the
 * allocation window around it ({@code TimedCall}), reported by {@code TimedAllocationProfiler}. Also the JVM flags each JDK needs for JOL. Adding a metric means one probe
 * (and its name in {@code dev.mapleak.folder.Metric}). The knowledge behind each probe is in
 * {@code src/docs/measuring.md}.
 *
 * <p>May use: {@code dev.mapleak.subject}, {@code dev.mapleak.folder}, JMH and JOL. Never the runner or the report.
 */
package dev.mapleak.measure;
