#!/usr/bin/env bash
# Every participant-facing message, per language, with its encoding, segment count, characters left and (English)
# reading ease; plus the segments of a whole conversation. Writes target/content-report.md and prints its summary.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test -Dtest=PlainLanguageGateTests -Dsurefire.failIfNoSpecifiedTests=false >/dev/null || true
grep -E "^## |segments\*\*|Lowest|UCS-2:" target/content-report.md
echo "Full report: target/content-report.md"
