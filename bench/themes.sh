#!/usr/bin/env bash
# Theme analysis of 10,000 generated answers to one question (target: under 60 s on this 2-core machine), from the
# packaged jar in local mode (embedded PostgreSQL and Redis, no chat model, no network).
# Usage: bench/themes.sh [answers] [runs] [background|cold]   (defaults 10000, 3, background)
#   background: import, let the service embed the answers in the background as in production, then theme [runs] times
#   cold: each run themes a different question holding the same answers, with nothing embedded beforehand
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
exec java bench/Themes.java "$jar" "${1:-10000}" "${2:-3}" "${3:-background}"
