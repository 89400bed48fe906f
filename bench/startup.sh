#!/usr/bin/env bash
# Start-up time to ready, in local mode (embedded PostgreSQL and Redis), from the packaged jar.
# Usage: bench/startup.sh [runs]   (default 5). Prints each run and the median, in milliseconds.
# "Ready" is the moment /actuator/health answers 200, measured from the launch of the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
data=$(mktemp -d)
port=18080
trap 'rm -rf "$data"' EXIT

measure() {
  local start end pid
  start=$(date +%s%3N)
  env -u DATABASE_URL -u REDIS_URL java -jar "$jar" --server.port=$port --covenant.data-dir="$data" \
    > "$data/run.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.05; done
  end=$(date +%s%3N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $((end - start))
}

echo "first start (creates the database): $(measure) ms"
times=()
for i in $(seq 1 "$runs"); do
  t=$(measure); times+=("$t"); echo "restart $i: $t ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median restart to ready: " a[int((NR+1)/2)] " ms over " NR " runs"}'
