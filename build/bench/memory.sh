#!/usr/bin/env bash
# M1, memory: AIBridge's peak working set while it relays many long, recorded streams at once.
#   build/bench/memory.sh --streams 200 --events 40 --pause-ms 100
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/AIBridge.Web/AIBridge.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll memory "$@"
