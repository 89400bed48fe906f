#!/usr/bin/env bash
# Issue 9's benchmarks 1-4 in one run: inbound SMS webhook throughput and latency (and a trivial endpoint's, for the
# ratio), the duplicate path, end to end at a fixed rate, and memory per session. Packaged jar against the real
# PostgreSQL and Redis at DATABASE_URL / REDIS_URL (default 127.0.0.1:5432 and :6379), in a database and Redis
# namespace of its own that it removes at the end. Benchmarks 1 and 2 and the trivial endpoint are driven by wrk (in
# a process of its own, 2 threads, with requests signed beforehand by InboundLoad.java; installed from Debian's
# packages if missing), the rest by this script's JVM, which is also the fake Twilio API.
# Usage: bench/inbound-load.sh [seconds=60] [connections=32] [e2e-rate=500, 0 to leave it out] [sessions=10000]
# PROFILE=1 also records a JFR profile of the service in target/inbound-load.jfr and prints its hottest methods.
# DRIVER=java drives 1 and 2 from the JVM instead (HttpClient; it then shares this JVM and the CPU with the fake Twilio).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
jar=$(ls target/covenant-voices-*.jar | head -1)
WRK=
if [ "${DRIVER:-wrk}" != java ]; then
  if ! command -v wrk >/dev/null; then
    echo "wrk not found: installing it (apt-get install -y wrk)"
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } \
      || echo "could not install wrk (not root? no Debian mirror?): falling back to the Java load generator"
  fi
  WRK=$(command -v wrk || true)
fi
WRK="$WRK" java ${BENCH_JAVA_OPTS:-} -cp "$(cat target/bench.classpath)" bench/InboundLoad.java "$jar" "${1:-60}" "${2:-32}" "${3:-500}" "${4:-10000}"
if [ -n "${PROFILE:-}" ] && [ -f target/inbound-load.jfr ]; then
  echo "hottest methods (top frames of jdk.ExecutionSample):"
  jfr print --events jdk.ExecutionSample target/inbound-load.jfr \
    | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | head -25
fi
