#!/usr/bin/env bash
# G1, gateway overhead: the same streamed request straight to a fake provider and through AIBridge
# (its own process, SQLite, full recording), side by side. Extra arguments go to the tool, e.g.
#   build/bench/gateway.sh --requests 4000 --concurrency 1,16,64
#   build/bench/gateway.sh --smoke        # seconds; what CI runs to keep the tooling alive
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/AIBridge.Web/AIBridge.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll "$@"
