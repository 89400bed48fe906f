#!/usr/bin/env bash
# Reply-path latency of a vague answer that asks the chat model for a follow-up, with the model up, slow, failing and
# with its circuit open. Usage: bench/model-latency.sh [samples per phase]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
exec java bench/ModelLatency.java "$jar" "${1:-30}"
