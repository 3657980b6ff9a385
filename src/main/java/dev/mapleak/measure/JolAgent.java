package dev.mapleak.measure;

import org.openjdk.jol.vm.VM;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;

/**
 * Hands JOL the JVM's {@link Instrumentation} at start-up ({@code -javaagent:benchmarks.jar}), so it sizes
 * objects with {@code Instrumentation.getObjectSize} from the first walk on. Without it JOL attaches to its
 * own JVM on first use, which costs about a second per benchmark fork. JOL looks for the instance in
 * {@code InstrumentationSupport.Installer.INSTRUMENTATION}, the field its own dynamic attach fills.
 *
 * <p>JOL is initialised here, before the benchmark starts, and the one warning it always prints when
 * {@code -Djol.skipHotspotSAAttach=true} is set (see {@link JvmFlags}) is dropped: it would otherwise fill
 * every run's console with a line per fork that says nothing about the run. Anything else JOL prints is kept.
 */
public final class JolAgent {

    static final String EXPECTED_WARNING = "skipped due to jol.skipHotspotSAAttach flag";

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
        initialiseQuietly();
    }

    private static void initialiseQuietly() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            VM.current();
        } catch (RuntimeException e) {
            captured.writeBytes(("mapleak: JOL could not initialise: " + e + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
        captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains(EXPECTED_WARNING))
                .forEach(out::println);
    }
}
