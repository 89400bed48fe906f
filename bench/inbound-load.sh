#!/usr/bin/env bash
# Issue 9's benchmarks 1-4 in one run: inbound SMS webhook throughput and latency (and a trivial endpoint's, for the
# ratio), the duplicate path, end to end at a fixed rate, and memory per session. Packaged jar against the real
# PostgreSQL and Redis at DATABASE_URL / REDIS_URL (default 127.0.0.1:5432 and :6379), in a database and Redis
# namespace of its own that it removes at the end; this script's JVM is the load generator and the fake Twilio API.
# Usage: bench/inbound-load.sh [seconds=60] [connections=32] [e2e-rate=500] [sessions=10000]
# PROFILE=1 also records a JFR profile of the service in target/inbound-load.jfr and prints its hottest methods.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
jar=$(ls target/covenant-voices-*.jar | head -1)
java -cp "$(cat target/bench.classpath)" bench/InboundLoad.java "$jar" "${1:-60}" "${2:-32}" "${3:-500}" "${4:-10000}"
if [ -n "${PROFILE:-}" ] && [ -f target/inbound-load.jfr ]; then
  echo "hottest methods (top frames of jdk.ExecutionSample):"
  jfr print --events jdk.ExecutionSample target/inbound-load.jfr \
    | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | head -25
fi
