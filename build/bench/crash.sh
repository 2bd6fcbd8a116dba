#!/usr/bin/env bash
# C1, crash: SIGKILL under load, restart on the same database; what the audit trail lost and what stayed open.
#   build/bench/crash.sh --rate 200 --seconds 3 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/AIBridge.Web/AIBridge.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll crash "$@"
