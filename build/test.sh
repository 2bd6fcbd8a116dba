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

dotnet test AIBridge.sln --logger "console;verbosity=normal" "$@"
