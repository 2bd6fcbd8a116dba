#!/usr/bin/env bash
# Q1, the audit API at scale: seeds a fresh database with N interceptions and times each endpoint.
#   build/bench/audit.sh --provider sqlite --interceptions 1000000
#   build/bench/audit.sh --provider postgres --interceptions 1000000   # starts a throwaway PostgreSQL 15
set -euo pipefail
cd "$(dirname "$0")/../.."
source build/postgres.sh
postgres_if_asked "$@"
dotnet build -c Release src/AIBridge.Web/AIBridge.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll audit "$@"
