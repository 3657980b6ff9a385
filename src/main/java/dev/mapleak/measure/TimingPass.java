package dev.mapleak.measure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class whose time is published as a cost: it arms no retained-memory probe (it never carries
 * {@link RecordsRetainedMemory}), ends every iteration setup with {@link TimedCall#settle()} and opens the
 * allocation window last. The runner gives its groups the profile's timing settings ({@code timing.forks},
 * {@code timing.warmupIterations}, {@code timing.iterations}), a fixed, pre-touched heap ({@code -Xms} = {@code -Xmx},
 * {@code -XX:+AlwaysPreTouch}) and {@link TimedAllocationProfiler}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TimingPass {
}
