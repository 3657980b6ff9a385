package dev.mapleak.measure;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reports what a map retains after the timed phase as JMH secondary metrics ({@code retained.jol.bytes},
 * {@code retained.heap.bytes}, {@code heap.committed.bytes}, {@code process.rss.bytes},
 * {@code live.entries}, and {@code retained.go.bytes} for GO_HYBRID).
 *
 * <p>JMH has no "retained after GC" metric: {@code -prof gc} reports allocation. {@code @AuxCounters}
 * would sum over iterations; a {@link ScalarResult} with {@link AggregationPolicy#AVG} stays right over
 * several iterations and forks. Warm-up iterations are not measured: JOL walks and full GCs cost seconds.
 *
 * <p>Enable with {@code -prof dev.mapleak.measure.RetainedMemoryProfiler} or {@code -prof retained}.
 */
public class RetainedMemoryProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "mapleak: memory a map retains after the timed phase (JOL, heap after full GC, committed heap, RSS)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (iterationParams.getType() == IterationType.MEASUREMENT) {
            RetainedMemoryRecorder.arm();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams,
                                                       IterationResult result) {
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        Map<String, Double> readings = RetainedMemoryRecorder.disarm();
        List<Result> results = new ArrayList<>(readings.size());
        readings.forEach((metric, value) -> results.add(
                new ScalarResult(metric, value, RetainedMemoryRecorder.unitOf(metric), AggregationPolicy.AVG)));
        return results;
    }
}
