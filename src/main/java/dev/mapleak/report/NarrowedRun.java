package dev.mapleak.report;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The banner of a run that measured less than its profile asks for: the {@code -p} values that replaced the profile's
 * (run.json's {@code paramOverrides}, beside what the profile says) and JMH options added after {@code --}, with a link
 * to the folder's {@code LEFT-OUT.md} where a published run has one. A reader must not take such a run for the whole.
 */
final class NarrowedRun {

    static final String LEFT_OUT = "LEFT-OUT.md";

    private NarrowedRun() {
    }

    static Optional<String> banner(RunData data) {
        RunInfo info = data.info();
        if (!info.narrowed()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        info.paramOverrides().forEach((param, values) -> parts.add(param + " " + String.join(", ", values)
                + " (the profile: " + profileValue(info.profileText(), param).orElse(defaultOf(param)) + ")"));
        if (!info.jmhArgs().isEmpty()) {
            parts.add("JMH options `" + String.join(" ", info.jmhArgs()) + "` added");
        }
        String profile = info.profile().isEmpty() ? "its profile" : "profile `" + info.profile() + "`";
        boolean leftOut = Files.isRegularFile(data.runDir().resolve(LEFT_OUT));
        return Optional.of("**A narrowed run.** It measured less than " + profile + " asks for: " + String.join("; ", parts) + ". "
                + (leftOut ? "What it left out, and why: [" + LEFT_OUT + "](" + LEFT_OUT + ")."
                : "The whole profile: `./run-bench.sh " + (info.profile().isEmpty() ? "PROFILE" : info.profile()) + " --dry-run`."));
    }

    /** A parameter's values in the profile's text ("valueSize = 64, 128"), also under its benchmark prefix's short name. */
    static Optional<String> profileValue(String profileText, String param) {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (String line : profileText.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.strip().startsWith("#") && eq > 0) {
                lines.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (lines.containsKey(param)) {
            return Optional.of(lines.get(param));
        }
        String shortName = param.contains(".") ? param.substring(param.indexOf('.') + 1) : param;
        return Optional.ofNullable(lines.get(shortName));
    }

    private static String defaultOf(String param) {
        return param.endsWith("subject") ? "every subject" : "its default";
    }
}
