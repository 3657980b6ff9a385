#!/usr/bin/env bash
# mapleak: how much memory Java maps keep after their entries are deleted, and what each remedy costs.
#
#   ./run-bench.sh                  run the default profile (quick)
#   ./run-bench.sh seed             the seed's experiment: 1M keys, 128 and 129 bytes, delete all
#   ./run-bench.sh --list           every profile with its description
#   ./run-bench.sh --help           all options
#
# Builds target/benchmarks.jar when it is missing or older than the sources, then hands over to
# dev.mapleak.cli.Main, which checks everything, runs the profile's JMH groups and writes
# reports/<yyyyMMdd-HHmmss>-<profile>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"

# The Java that runs mapleak itself: JAVA_HOME's if set, else the one on PATH (as Maven chooses).
# Benchmark forks run on the JDKs a profile names, found by dev.mapleak.run.JdkDiscovery.
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java="$(command -v java)"
else
  echo "mapleak: no java found: install a JDK 17 or newer, or set JAVA_HOME" >&2
  exit 2
fi

# A java that does not start (a broken JAVA_HOME, a JRE too old for mapleak's class files) is bad input: say which.
if [[ -n "${JAVA_HOME:-}" && "$java" == "$JAVA_HOME/bin/java" ]]; then fix="fix or unset JAVA_HOME"; else fix="install a JDK 17 or newer, or set JAVA_HOME"; fi
if ! version="$("$java" -version 2>&1)"; then
  echo "mapleak: $java does not run ($(printf '%s\n' "$version" | grep -v '^[[:space:]]*$' | head -n 1 | cut -c1-200)): $fix" >&2
  exit 2
fi
feature="$(printf '%s\n' "$version" | sed -n 's/^[^"]*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1)"
if [[ -n "$feature" && "$feature" -lt 17 ]]; then
  echo "mapleak: $java is Java $feature; mapleak needs 17 or newer: $fix" >&2
  exit 2
fi

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

if stale; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mapleak: target/benchmarks.jar must be built and there is no mvn on PATH: install Maven 3.8+" >&2
    exit 2
  fi
  echo "mapleak: building target/benchmarks.jar (mvn -B -q -DskipTests package)" >&2
  # Debian's Maven prints colour resets even in batch mode; strip them (pipefail keeps mvn's status).
  if ! (cd "$here" && mvn -B -q -DskipTests package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2); then
    echo "mapleak: the build failed (see above); nothing was run" >&2
    exit 1
  fi
fi

# The runner only orchestrates: a small heap and a quick-starting JIT. The forks it starts are the
# measured JVMs, with the flags each profile sets (recorded in environment.json).
exec "$java" -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dmapleak.home="$here" \
  -cp "$jar" dev.mapleak.cli.Main "$@"
