package dev.mapleak.measure;

import dev.mapleak.folder.Metric;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import java.util.Collection;
import java.util.List;

/**
 * Reports {@code timed.alloc.bytes}: what the timed call of a {@link TimingPass} benchmark allocated, measured by
 * {@link TimedCall} from the end of the iteration setup to the start of its teardown, never inside the
 * {@code @Benchmark} method. Unlike JMH's {@code -prof gc}, whose window runs from before the iteration to after
 * it (setup fill and delete, full GCs, teardown), this window holds the timed call alone.
 *
 * <p>Enable with {@code -prof dev.mapleak.measure.TimedAllocationProfiler}; the runner adds it to timing groups.
 */
public class TimedAllocationProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "mapleak: bytes the timed call allocated (thread allocation counter read between setup and teardown)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        TimedCall.takeLastWindowBytes(); // a warm-up's window never leaks into a measured iteration
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        double bytes = TimedCall.takeLastWindowBytes();
        if (iterationParams.getType() != IterationType.MEASUREMENT || Double.isNaN(bytes) || !TimedCall.supported()) {
            return List.of();
        }
        return List.of(new ScalarResult(Metric.TIMED_ALLOC.key(), bytes, Metric.TIMED_ALLOC.unit(), AggregationPolicy.AVG));
    }
}
