#!/usr/bin/env bash
# Campaign dispatch at provider speed: N invited numbers (default 50,000), two instances of the packaged jar on one
# PostgreSQL and Redis, a loopback fake Twilio, a limit of L messages a second (default 500).
# Usage: bench/campaign-dispatch.sh [recipients] [limit] [warm-up recipients, sent first and not counted]. Needs psql, PostgreSQL (DATABASE_HOST, default
# 127.0.0.1:5432, user postgres) and Redis (REDIS_URL, default redis://127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | grep -v plain | head -1)
exec java ${BENCH_JAVA_OPTS:-} bench/CampaignDispatch.java "$jar" "${1:-50000}" "${2:-500}" "${3:-0}"
