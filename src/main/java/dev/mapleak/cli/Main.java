package dev.mapleak.cli;

import dev.mapleak.folder.UsageException;
import dev.mapleak.run.Quote;
import dev.mapleak.scan.ScanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./run-bench.sh}: parses the command line with picocli ({@link MapleakCommand} and its subcommands) and
 * turns every way it can end into an exit status: 0 measured, 1 some group failed, 2 bad input. Bad input, picocli's
 * own usage errors included, is one line on stderr starting {@code mapleak: }.
 */
public final class Main {

    /** Columns of --help: wide enough for the option table, narrow enough for a terminal. */
    static final int HELP_WIDTH = 100;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(System.getProperty("mapleak.home", ".")).toAbsolutePath().normalize(), args,
                System.out, System.err));
    }

    /** {@code home} holds {@code profiles/} and, by default, {@code reports/}. */
    public static int run(Path home, String[] args, PrintStream out, PrintStream err) {
        List<String> typed = new ArrayList<>(List.of("./run-bench.sh"));
        typed.addAll(Arrays.asList(args));
        int dash = Arrays.asList(args).indexOf("--");
        List<String> ours = Arrays.asList(args).subList(0, dash < 0 ? args.length : dash);
        List<String> jmh = dash < 0 ? List.of() : Arrays.asList(args).subList(dash + 1, args.length);
        CommandLine cli = new CommandLine(new MapleakCommand(home, out, jmh, typed), factory(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> badInput(err, usageError(e)));
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof UsageException) {
                return badInput(err, e.getMessage());
            }
            if (e instanceof IOException io) {
                err.println("mapleak: " + oneLine(ioFailure(io)));
                return MapleakCommand.EXIT_GROUP_FAILED;
            }
            throw e;
        });
        cli.setUsageHelpWidth(HELP_WIDTH);
        withProfiles(cli, home);
        withProfiles(cli.getSubcommands().get("run"), home);
        try {
            List<String> argv = withCommand(ours, jmh, cli.getSubcommands().keySet());
            return cli.execute(argv.toArray(String[]::new));
        } catch (UsageException e) {
            return badInput(err, e.getMessage());
        }
    }

    /**
     * Makes the commands: picocli's default for those that reach the streams through their parent, and scan, which
     * lives in its own package and is given the streams when it is made.
     */
    static CommandLine.IFactory factory(PrintStream out, PrintStream err) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ScanCommand.class ? type.cast(new ScanCommand(out, err)) : CommandLine.defaultFactory().create(type);
            }
        };
    }

    /**
     * The arguments with the command made explicit: {@code run} when none is named, {@code list profiles} for
     * {@code --list}, {@code resume} for {@code --resume RUN_DIR}. Only {@code run} takes JMH options after {@code --}.
     */
    static List<String> withCommand(List<String> ours, List<String> jmh, Set<String> commands) {
        List<String> argv = new ArrayList<>(ours);
        String command;
        if (argv.contains("--list")) {
            argv.remove("--list");
            argv.add(0, "profiles");
            command = "list";
        } else if (argv.contains("--resume")) {
            int at = argv.indexOf("--resume");
            List<String> rest = new ArrayList<>(argv);
            rest.remove(at);
            rest.removeAll(List.of("--verbose", "-h", "--help", "--allow-other-commit"));
            if (rest.size() != 1 || at + 1 >= argv.size() || argv.get(at + 1).startsWith("-") || !jmh.isEmpty()) {
                throw new UsageException("--resume runs with the settings the run was started with; give it only the"
                        + " run folder: ./run-bench.sh --resume RUN_DIR [--allow-other-commit]");
            }
            argv.remove(at);
            command = "resume";
        } else if (!argv.isEmpty() && commands.contains(argv.get(0))) {
            command = argv.remove(0);
        } else if (!argv.isEmpty() && (argv.get(0).equals("-h") || argv.get(0).equals("--help"))) {
            if (!jmh.isEmpty()) {
                throw new UsageException("JMH options after '--' go with a profile: ./run-bench.sh PROFILE -- OPTIONS");
            }
            return argv;
        } else {
            command = "run";
        }
        if (!jmh.isEmpty() && !command.equals("run")) {
            throw new UsageException("only a run takes JMH options after '--'; '" + command + "' does not");
        }
        argv.add(0, command);
        return argv;
    }

    private static int badInput(PrintStream err, String message) {
        err.println("mapleak: " + oneLine(message));
        return MapleakCommand.EXIT_BAD_INPUT;
    }

    /** picocli's parse errors in mapleak's words, with the command's usage line. */
    static String usageError(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String what;
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            what = (arg.startsWith("-") ? "unknown option " : "unexpected argument ") + Quote.of(arg);
        } else {
            String m = String.valueOf(e.getMessage());
            what = m.isEmpty() ? "bad command line" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return what + "; usage: " + synopsis(spec) + " (" + spec.qualifiedName() + " --help explains each option)";
    }

    /** "./run-bench.sh run [-h] [--dry-run] ... [PROFILE]" on one line. */
    static String synopsis(CommandSpec spec) {
        String s = new CommandLine.Help(spec, new CommandLine.Help.ColorScheme.Builder(CommandLine.Help.Ansi.OFF).build())
                .synopsis(0);
        return s.replaceFirst("^Usage: ", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * What an I/O failure that ended a run means to the user. A full disk names the file and says how to go on:
     * every group measured before it is saved, and {@code --resume} measures only what is missing.
     */
    static String ioFailure(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
        Path file = e instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : null;
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            Path runDir = runFolderOf(file);
            return "no space left on the device" + (file == null ? "" : " writing " + file)
                    + ": free space, then ./run-bench.sh --resume " + (runDir == null ? "RUN_DIR" : runDir)
                    + " measures what is missing (the groups measured so far are saved)";
        }
        if (file != null && !reason.contains(file.toString())) {
            return file + ": " + reason;
        }
        return reason;
    }

    /** The run folder a file is in (the nearest folder up that has a run.json), or null. */
    static Path runFolderOf(Path file) {
        for (Path p = file; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("run.json"))) {
                return p;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Adds the profile table to a command's help, after the exit statuses. */
    private static void withProfiles(CommandLine command, Path home) {
        command.getHelpSectionMap().put(RunCommand.PROFILES_SECTION, RunCommand.profilesSection(home));
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), RunCommand.PROFILES_SECTION);
        command.setHelpSectionKeys(keys);
    }
}
