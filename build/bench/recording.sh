#!/usr/bin/env bash
# G2, recording throughput: interceptions (5 records each) enqueued as fast as possible, persisted by the writer.
#   build/bench/recording.sh --provider sqlite --interceptions 100000 [--batch-size 500]
#   build/bench/recording.sh --provider postgres --interceptions 100000   # starts a throwaway PostgreSQL 15
set -euo pipefail
cd "$(dirname "$0")/../.."
source build/postgres.sh
postgres_if_asked "$@"
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll recording "$@"
