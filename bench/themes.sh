#!/usr/bin/env bash
# Theme analysis of 10,000 generated answers to one question (target: under 60 s on this 2-core machine), from the
# packaged jar in local mode (embedded PostgreSQL and Redis, no chat model, no network).
# Usage: bench/themes.sh [answers] [runs]   (defaults 10000 and 3, at most 5). Each run themes a different question
# holding the same answers, so every run is cold; prints each run, their median, then one warm rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
exec java bench/Themes.java "$jar" "${1:-10000}" "${2:-3}"
