package dev.mapleak.measure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark method a profile runs only when it names it ({@code benchmarks = LifecycleBenchmark.fill}),
 * never as part of its whole class ({@code benchmarks = LifecycleBenchmark}): the one-phase-per-group lifecycle
 * methods, which the memory group ({@code LifecycleBenchmark.memory}) replaces and which would only measure its
 * states again.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NamedOnly {
}
