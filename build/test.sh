#!/usr/bin/env bash
# The test command: every test, on SQLite and on PostgreSQL, then the TypeScript client's and the dashboard's.
# Unless AIBRIDGE_TEST_POSTGRES names a server, a throwaway PostgreSQL 15 is started for the run.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Users").
set -euo pipefail
cd "$(dirname "$0")/.."
source build/postgres.sh

if [ -z "${AIBRIDGE_TEST_POSTGRES:-}" ]; then
  start_postgres
  trap stop_postgres EXIT
fi

log=$(mktemp)
status=0
dotnet test AIBridge.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line over every test project, in the plain form CI reads.
passed=$({ grep -E '^\s+Passed:\s+[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
failed=$({ grep -E '^\s+Failed:\s+[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
skipped=$({ grep -E '^\s+Skipped:\s+[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
postgres=$(grep -cE '^\s+Passed .*_Postgres\.' "$log" || true)
sqlite=$(grep -cE '^\s+Passed .*_Sqlite\.' "$log" || true)
rm -f "$log"

# The generated TypeScript client against a live AIBridge (the Debug build the tests above used).
ts_status=0
if command -v npm >/dev/null; then
  ( cd clients/typescript && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm test --silent ) 2>&1 | tee "$log" || ts_status=$?
  ts_passed=$({ grep -E '^# pass ' "$log" || true; } | awk '{print $3+0}')
  ts_failed=$({ grep -E '^# fail ' "$log" || true; } | awk '{print $3+0}')
  rm -f "$log"
  echo "typescript client tests: ${ts_passed:-0} passed, ${ts_failed:-0} failed"
  [ "$ts_status" = 0 ] || status=1
else
  echo "typescript client tests: skipped (npm not found)"
fi

# The dashboard in Debian's Chromium against a live AIBridge; screenshots of every page are kept.
dash_status=0
if command -v npm >/dev/null; then
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "dashboard browser tests need Chromium: apt-get install chromium (or run .ci/run)" >&2
    status=1
  else
    ( cd clients/dashboard && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm test --silent ) 2>&1 | tee "$log" || dash_status=$?
    dash_passed=$({ grep -E '^# pass ' "$log" || true; } | awk '{print $3+0}')
    dash_failed=$({ grep -E '^# fail ' "$log" || true; } | awk '{print $3+0}')
    rm -f "$log"
    echo "dashboard browser tests: ${dash_passed:-0} passed, ${dash_failed:-0} failed (screenshots in clients/dashboard/test-results/screenshots)"
    [ "$dash_status" = 0 ] || status=1
  fi
fi

echo "database tests passed: $sqlite on SQLite, $postgres on PostgreSQL"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
