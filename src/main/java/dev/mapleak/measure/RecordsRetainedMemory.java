package dev.mapleak.measure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class that calls {@link RetainedMemoryRecorder#record}: the runner enables
 * {@link RetainedMemoryProfiler} for it, and only for it (arming takes full GCs before each iteration).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordsRetainedMemory {
}
