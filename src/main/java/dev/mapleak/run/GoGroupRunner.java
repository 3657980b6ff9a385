package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.gorun.GoProgram;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a GO_RUNTIME group: the Go program, built once per run into {@code target/go/}, started once for the
 * group with the profile's {@code warmupIterations} and {@code iterations} as its warm-up and measured runs
 * ({@code forks} does not apply: one process per group). Its JSON (stdout) becomes the group's result file,
 * written atomically; its progress (stderr) goes where JMH's output goes. A build that fails, a crash, a
 * timeout or output that is not this group's result is a failed group with the reason and the output's tail
 * in {@code failures/ID.json}, as for a fork that died.
 */
final class GoGroupRunner {

    private final RunFolder folder;
    private final Profile.Settings settings;
    private final GoLifecycle go;
    private final Path home;
    private final Console console;
    /** Null until the first Go group of this run builds the program. */
    private GoProgram.Build build;

    GoGroupRunner(RunFolder folder, Profile.Settings settings, GoLifecycle go, Path home, Console console) {
        this.folder = folder;
        this.settings = settings;
        this.go = go;
        this.home = home;
        this.console = console;
    }

    /** Runs the group alone, its output written to the console as it comes. */
    GroupRunner.Outcome run(Combination c) throws IOException {
        try (Console.GroupOutput output = console.group(true)) {
            return run(c, output);
        }
    }

    /** Runs the group with its output going to {@code group}; several groups may run at once (the build happens once). */
    GroupRunner.Outcome run(Combination c, Console.GroupOutput group) throws IOException {
        PrintStream output = group.stream();
        GoProgram.Build build = build(output);
        List<String> command = new ArrayList<>();
        if (!build.ok()) {
            command.addAll(build.command());
            return failed(c, command, "the Go program did not build with " + go.toolchain().version() + ": "
                    + firstLine(build.output()), GoProgram.tail(build.output(), Console.TAIL_LINES));
        }
        command.add(build.binary().toString());
        command.addAll(GoLifecycle.arguments(c.benchmark(), c.params(), settings.warmupIterations(), settings.iterations()));
        output.println("# " + String.join(" ", command));

        ProcessBuilder pb = new ProcessBuilder(command);
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread out = drain(p.getInputStream(), stdout);
        Thread err = lines(p.getErrorStream(), output);
        boolean finished;
        try {
            finished = p.waitFor(settings.timeoutMinutes(), TimeUnit.MINUTES);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the Go program ran");
        }
        String json = stdout.toString(StandardCharsets.UTF_8);
        if (!finished) {
            return failed(c, command, "Timeout: the Go program did not finish within " + settings.timeoutMinutes()
                    + " minutes (timeoutMinutes)", group.tail());
        }
        if (p.exitValue() != 0) {
            return failed(c, command, reason(group.lines(), p.exitValue()), group.tail());
        }
        String wrong = checkResult(json, c);
        if (wrong != null) {
            return failed(c, command, wrong, group.tail());
        }
        RunFolder.writeAtomically(folder.resultFile(c.id()), json);
        Files.deleteIfExists(folder.failureFile(c.id()));
        return new GroupRunner.Outcome(true, "");
    }

    /** The program built once per run; the first group to need it builds it, the others wait for that build. */
    private synchronized GoProgram.Build build(PrintStream output) throws IOException {
        if (build == null) {
            output.println("# building the Go program: " + go.toolchain().describe());
            build = GoProgram.build(go.toolchain(), GoProgram.sourceDir(home), home.resolve("target").resolve("go"), System.getenv());
            build.output().lines().forEach(output::println);
        }
        return build;
    }

    /** Null when {@code json} is this group's result: one JMH-shaped entry with the group's benchmark and params. */
    static String checkResult(String json, Combination c) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonArray() || root.getAsJsonArray().size() != 1) {
                return "the Go program did not print one result";
            }
            JsonObject r = root.getAsJsonArray().get(0).getAsJsonObject();
            String benchmark = r.has("benchmark") ? r.get("benchmark").getAsString() : "";
            if (!benchmark.equals(c.fullName())) {
                return "the Go program printed a result of '" + benchmark + "', not " + c.fullName();
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (r.has("params")) {
                r.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
            }
            if (!params.equals(c.params())) {
                return "the Go program's result has params " + params + ", the group " + c.params();
            }
            JsonArray raw = r.getAsJsonObject("primaryMetric").getAsJsonArray("rawData");
            return raw == null || raw.isEmpty() ? "the Go program's result has no measured run" : null;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return "the Go program printed no valid JSON result (" + e.getMessage() + ")";
        }
    }

    /** The line that says why the program stopped: its own "mapleak: " line, a Go panic or fatal error, or the status. */
    static String reason(List<String> output, int exitValue) {
        for (String marker : List.of("mapleak: ", "panic: ", "fatal error: ", "runtime: out of memory")) {
            for (int i = output.size() - 1; i >= 0; i--) {
                String line = output.get(i).strip();
                if (line.startsWith(marker)) {
                    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
                }
            }
        }
        return "the Go program exited with status " + exitValue + (exitValue > 128 ? " (killed by signal " + (exitValue - 128) + ")" : "");
    }

    private GroupRunner.Outcome failed(Combination c, List<String> command, String reason, List<String> tail) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", c.id());
        record.put("benchmark", c.benchmark());
        record.put("params", c.params());
        record.put("jvm", c.jvm());
        record.put("go", go.toolchain().describe());
        record.put("command", command);
        record.put("reason", reason);
        record.put("outputTail", tail);
        RunFolder.writeAtomically(folder.failureFile(c.id()), RunFolder.GSON.toJson(record));
        return new GroupRunner.Outcome(false, reason);
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("(no output)").strip();
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(into);
            } catch (IOException e) {
                // the process died: what was read is judged by the caller
            }
        }, "go-stdout");
        t.start();
        return t;
    }

    private static Thread lines(InputStream in, PrintStream to) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    to.println(line);
                }
            } catch (IOException e) {
                // as above
            }
        }, "go-stderr");
        t.start();
        return t;
    }
}
