package dev.mapleak.cli;

import dev.mapleak.folder.UsageException;
import dev.mapleak.run.Quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JMH's {@code -p name=v1,v2} after {@code --}: taken out of the pass-through options, they replace the profile's
 * values before the matrix is expanded, so each group still gets one value per parameter.
 * <ul>
 *   <li>A value listed twice ({@code -p subject=JDK_HASH_MAP,JDK_HASH_MAP}) runs once, and a line says so: each
 *       repeat would run every group again and overwrite the first one's results.</li>
 *   <li>A name given twice ({@code -p a=X -p a=Y}) is refused: JMH's own rule (the last wins) would drop X without
 *       a word; the message shows the one {@code -p a=X,Y} that asks for both.</li>
 * </ul>
 */
final class ParamOverrides {

    private ParamOverrides() {
    }

    /** Removes every {@code -p} from {@code jmhArgs} and returns them; {@code notes} hears of dropped repeats. */
    static Map<String, List<String>> take(List<String> jmhArgs, Consumer<String> notes) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < jmhArgs.size(); ) {
            if (!jmhArgs.get(i).equals("-p")) {
                i++;
                continue;
            }
            if (i + 1 >= jmhArgs.size()) {
                throw new UsageException("-p needs name=value[,value...]");
            }
            String spec = jmhArgs.get(i + 1);
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("-p needs name=value[,value...], got " + Quote.of(spec));
            }
            String name = spec.substring(0, eq);
            List<String> values = values(spec, name, spec.substring(eq + 1), notes);
            List<String> before = params.put(name, values);
            if (before != null) {
                List<String> both = new ArrayList<>(before);
                values.stream().filter(v -> !both.contains(v)).forEach(both::add);
                throw new UsageException("-p " + Quote.cut(name) + " is given twice (-p " + Quote.cut(name + "=" + String.join(",", before))
                        + " and -p " + Quote.cut(spec) + "); give each parameter once, e.g. -p "
                        + Quote.cut(name + "=" + String.join(",", both)));
            }
            jmhArgs.remove(i + 1);
            jmhArgs.remove(i);
        }
        return params;
    }

    private static List<String> values(String spec, String name, String list, Consumer<String> notes) {
        List<String> values = new ArrayList<>();
        Map<String, Integer> repeats = new LinkedHashMap<>();
        for (String item : list.split(",", -1)) {
            String v = item.strip();
            if (v.isEmpty()) {
                throw new UsageException("-p " + Quote.cut(spec) + " on the command line: empty item in the list");
            }
            if (values.contains(v)) {
                repeats.merge(v, 2, (a, b) -> a + 1);
            } else {
                values.add(v);
            }
        }
        if (!repeats.isEmpty()) {
            List<String> said = new ArrayList<>();
            repeats.forEach((v, n) -> said.add(Quote.cut(v) + " " + n + " times"));
            notes.accept("mapleak: -p " + Quote.cut(name) + " lists " + Quote.cut(String.join(", ", said), 200)
                    + "; each value runs once");
        }
        return List.copyOf(values);
    }
}
