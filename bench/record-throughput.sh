#!/usr/bin/env bash
# Import and export throughput of the consultation record, from the packaged jar in local mode (embedded PostgreSQL
# and Redis), with a deliberately small heap so that an export that buffered its rows would fail.
# Usage: bench/record-throughput.sh [rows] [heap]   (defaults: 50000 rows, -Xmx192m)
# It imports two files of [rows] rows each (the second import of the first file is the "nothing new" path), then
# exports all 2 x [rows] rows in every format. Prints seconds and rows per second for each step.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-50000}"
heap="${2:-192m}"
port=18091
password="bench-$(date +%s)"
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/covenant-voices-*.jar | head -1)
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

env -u DATABASE_URL -u REDIS_URL ADMIN_PASSWORD="$password" SIMULATOR_ENABLED=false \
  java -Xmx"$heap" -jar "$jar" --server.port=$port --covenant.data-dir="$work/data" > "$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://localhost:$port/actuator/health" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.2
done
api="http://localhost:$port/api"
auth=(-u "admin:$password")

code=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' "$api/events" \
  -d '{"kind":"roundtable","title":"Benchmark roundtable","date":"2026-11-20","hostOrganisation":"NCVO","nation":"wales"}' \
  | sed -E 's/.*"joinCode":"([A-Z0-9]+)".*/\1/')

make_file() { # $1 file, $2 id prefix
  awk -v n="$rows" -v code="$code" -v prefix="$2" 'BEGIN {
    print "event_code,question,text,represented_count,organisation_type,nation,date,external_id";
    split("charity,community_group,social_enterprise,faith_group,trade_union,public_body,other", types, ",");
    for (i = 1; i <= n; i++) {
      q = (i % 7 == 0) ? "general" : "Q" (i % 6 + 1);
      printf "%s,%s,\"Note %d: we need grants that last, a named contact in each department, and plain words. Mae angen ŵyl i bawb, medd Siân.\",%d,%s,wales,2026-11-20,%s-%d\n", code, q, i, i % 40 + 1, types[i % 7 + 1], prefix, i;
    }
  }' > "$1"
}
make_file "$work/a.csv" a
make_file "$work/b.csv" b

step() { # $1 label, $2 rows, then curl arguments
  local label="$1" n="$2"; shift 2
  local out
  out=$(curl -sS -o "$work/out" -w '%{http_code} %{time_total} %{size_download}' "$@")
  read -r status seconds bytes <<< "$out"
  [ "$status" -lt 300 ] || { echo "$label failed with $status: $(head -c 400 "$work/out")"; exit 1; }
  awk -v l="$label" -v n="$n" -v s="$seconds" -v b="$bytes" \
    'BEGIN { printf "%-34s %8d rows %7.2f s %9.0f rows/s %8.1f MB\n", l, n, s, n / s, b / 1048576 }'
}

echo "rows per file: $rows; heap: -Xmx$heap; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
step "import (new rows)" "$rows" "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$work/a.csv" \
  "$api/imports?source=roundtable_note&fileName=a.csv"
step "import again (nothing new)" "$rows" "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$work/a.csv" \
  "$api/imports?source=roundtable_note&fileName=a.csv"
step "import second file (new rows)" "$rows" "${auth[@]}" -F "file=@$work/b.csv;type=text/csv" \
  "$api/imports?source=roundtable_note"
total=$((rows * 2))
# The first read of freshly written rows sets PostgreSQL's hint bits (it writes every page once): shown apart, so
# that the formats below compare like with like.
step "first read after the imports" "$total" "${auth[@]}" "$api/export/contributions.csv"
for format in contributions.csv contributions.jsonl consult.zip flow-results.zip summary.csv; do
  step "export $format" "$total" "${auth[@]}" "$api/export/$format"
done
echo "heap after the exports: $(jcmd "$pid" GC.heap_info 2>/dev/null | grep -E 'total|used' | head -1 | sed 's/^ *//')"
