/**
 * The short name of {@link dev.mapleak.measure.RetainedMemoryProfiler}: JMH 1.37 resolves a {@code -prof}
 * name that is not built in with {@code Class.forName}, so a class in the unnamed package is the only way to
 * give a third-party profiler a short name. {@code -prof retained} is therefore the same as
 * {@code -prof dev.mapleak.measure.RetainedMemoryProfiler}.
 */
@SuppressWarnings("checkstyle:TypeName")
public class retained extends dev.mapleak.measure.RetainedMemoryProfiler {
}
