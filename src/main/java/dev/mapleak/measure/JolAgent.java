package dev.mapleak.measure;

import java.lang.instrument.Instrumentation;

/**
 * Hands JOL the JVM's {@link Instrumentation} at start-up ({@code -javaagent:benchmarks.jar}), so it sizes
 * objects with {@code Instrumentation.getObjectSize} from the first walk on. Without it JOL attaches to its
 * own JVM on first use, which costs about a second per benchmark fork. JOL looks for the instance in
 * {@code InstrumentationSupport.Installer.INSTRUMENTATION}, the field its own dynamic attach fills.
 */
public final class JolAgent {

    private JolAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        try {
            Class.forName("org.openjdk.jol.vm.InstrumentationSupport$Installer")
                    .getField("INSTRUMENTATION").set(null, instrumentation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JOL falls back to attaching itself (-Djdk.attach.allowAttachSelf=true): slower, same sizes.
            System.err.println("mapleak: JolAgent could not hand Instrumentation to JOL: " + e);
        }
    }
}
