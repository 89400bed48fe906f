#!/usr/bin/env bash
# Inbound acknowledgement latency of the Twilio webhook: signed requests, answered with empty TwiML once stored.
# Usage: bench/inbound-ack.sh [requests] [concurrency]   (defaults 3000 and 1). Runs the packaged jar in local mode
# (embedded PostgreSQL and Redis) with a fake Twilio API on this machine; prints median, p90, p99 and max.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
exec java bench/InboundAck.java "$jar" "${1:-3000}" "${2:-1}"
