#!/usr/bin/env bash
# The test command: every test, on SQLite and on PostgreSQL.
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
echo "database tests passed: $sqlite on SQLite, $postgres on PostgreSQL"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
