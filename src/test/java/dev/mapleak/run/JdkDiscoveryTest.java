package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JDK discovery on fake JDK homes (a {@code release} file and an executable {@code bin/java}, which is all
 * discovery reads): where it looks, in which order, and what it refuses.
 */
class JdkDiscoveryTest {

    @TempDir
    Path tmp;

    /** A fake JDK home: {@code release} with JAVA_VERSION and IMPLEMENTOR, as real JDKs ship it. */
    private Path jdk(String dir, String version, String vendor) throws IOException {
        Path home = tmp.resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"" + vendor + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home.toRealPath();
    }

    private JdkDiscovery discovery(Map<String, String> env, Path running, Path... searchDirs) {
        return new JdkDiscovery(env, running, List.of(searchDirs));
    }

    @Test
    void findsTheRunningJdkJavaHomeMapleakJdksAndTheUsualFoldersEachOnceRunningFirst() throws IOException {
        Path running = jdk("running", "17.0.15", "Debian");
        Path javaHome = jdk("javahome", "21.0.4", "Eclipse Adoptium");
        Path extraA = jdk("extra/a", "22.0.2", "Oracle Corporation");
        Path extraB = jdk("extra/b", "23.0.1", "Azul Systems, Inc.");
        Path lib = tmp.resolve("usr-lib-jvm");
        Path installed = jdk("usr-lib-jvm/temurin-25-jdk-amd64", "25.0.3", "Eclipse Adoptium");
        // macOS lays a JDK out as NAME.jdk/Contents/Home.
        Path macos = jdk("Library/zulu-24.jdk/Contents/Home", "24.0.1", "Azul Systems, Inc.");
        Files.createDirectories(lib.resolve("not-a-jdk"));
        // the same JDK through a symlink (Debian's java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64)
        Files.createSymbolicLink(lib.resolve("alias-of-running"), running);

        JdkDiscovery d = discovery(Map.of("JAVA_HOME", javaHome.toString(),
                        "MAPLEAK_JDKS", extraA + ":" + extraB + ":"),
                running, lib, tmp.resolve("Library"), tmp.resolve("no-such-folder"));

        List<Path> homes = d.all().stream().map(Jdk::home).toList();
        assertEquals(List.of(running, javaHome, extraA, extraB, installed, macos), homes);
        List<Integer> features = d.all().stream().map(Jdk::feature).toList();
        assertEquals(List.of(17, 21, 22, 23, 25, 24), features);
        assertEquals("25 (25.0.3, Eclipse Adoptium)", d.all().get(4).describe());
    }

    @Test
    void findNamesTheRunningJdkAFeatureVersionOrAHome() throws IOException {
        Path running = jdk("running", "17.0.15", "Debian");
        Path lib = tmp.resolve("jvm");
        Path older = jdk("jvm/a-jdk-21", "21.0.4", "");
        Path newer = jdk("jvm/b-jdk-25", "25.0.3", "Eclipse Adoptium");
        JdkDiscovery d = discovery(Map.of(), running, lib);

        assertEquals(running, d.find("default").orElseThrow().home());
        assertEquals(running, d.find("17").orElseThrow().home());
        assertEquals(newer, d.find("25").orElseThrow().home());
        assertEquals(older, d.find(older.toString()).orElseThrow().home());
        assertTrue(d.find("11").isEmpty());
        assertTrue(d.find(tmp.resolve("nothing-here").toString()).isEmpty());
    }

    @Test
    void aJdkFoundOnlyThroughMapleakJdksIsFound() throws IOException {
        Path running = jdk("running", "17.0.15", "Debian");
        Path elsewhere = jdk("somewhere/else/jdk-25", "25", "Eclipse Adoptium");
        assertTrue(discovery(Map.of(), running).find("25").isEmpty());
        JdkDiscovery d = discovery(Map.of(JdkDiscovery.ENV_JDKS, elsewhere.toString()), running);
        assertEquals(elsewhere, d.find("25").orElseThrow().home());
        assertEquals(25, d.find("25").orElseThrow().feature());
    }

    @Test
    void homesWithoutAReleaseFileAJavaVersionOrAnExecutableJavaAreNotJdks() throws IOException {
        Path running = jdk("running", "17.0.15", "Debian");
        Path noRelease = jdk("jvm/no-release", "21", "");
        Files.delete(noRelease.resolve("release"));
        Path noVersion = jdk("jvm/no-version", "21", "");
        Files.writeString(noVersion.resolve("release"), "IMPLEMENTOR=\"x\"\n");
        Path notExecutable = jdk("jvm/not-executable", "21", "");
        assertTrue(notExecutable.resolve("bin/java").toFile().setExecutable(false));
        Path garbage = jdk("jvm/garbage-version", "x.y", "");

        JdkDiscovery d = discovery(Map.of("JAVA_HOME", tmp.resolve("missing").toString()), running, tmp.resolve("jvm"));
        assertEquals(List.of(running), d.all().stream().map(Jdk::home).toList());
        assertFalse(d.find("21").isPresent());
        assertTrue(Jdk.at(garbage).isEmpty());
    }

    @Test
    void theRunningJavaMustBeAFullJdk() {
        JdkDiscovery d = discovery(Map.of(), tmp.resolve("a-jre-without-release"));
        UsageException e = assertThrows(UsageException.class, d::running);
        assertTrue(e.getMessage().contains("has no release file"), e.getMessage());
    }

    @Test
    void aTrailingQuestionMarkMakesAJdkOptional() {
        assertTrue(JdkDiscovery.isOptional("25?"));
        assertTrue(JdkDiscovery.isOptional(" 25 ? "));
        assertFalse(JdkDiscovery.isOptional("25"));
        assertEquals("25", JdkDiscovery.required("25?"));
        assertEquals("25", JdkDiscovery.required(" 25 ? "));
        assertEquals("/opt/jdk-25", JdkDiscovery.required("/opt/jdk-25?"));
        assertEquals("default", JdkDiscovery.required("default"));
    }

    @Test
    void theMessageForAMissingJdkSaysHowToPointToOne() {
        assertEquals("install JDK 25 or list its home in MAPLEAK_JDKS (homes separated by ':')", JdkDiscovery.howToAdd("25"));
    }
}
