#!/usr/bin/env bash
# G1, gateway overhead: the same streamed requests straight to a fake provider, through nginx (plain
# reverse proxy, proxy_buffering off), through AIBridge (its own process, SQLite, full recording) and
# through Portkey's open-source gateway, side by side. Installs nginx (Debian) and Portkey (npm) if missing.
# Extra arguments go to the tool, e.g.
#   build/bench/gateway.sh --requests 4000 --concurrency 1,16,64
#   build/bench/gateway.sh --smoke        # seconds; what CI runs to keep the tooling alive
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! [ -x /usr/sbin/nginx ]; then
  echo "installing nginx-light (Debian)" >&2
  sudo_cmd=""; [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
  { $sudo_cmd apt-get install -y -q nginx-light || { $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q nginx-light; }; } >/dev/null
fi
if ! [ -f build/bench/portkey/node_modules/@portkey-ai/gateway/build/start-server.js ]; then
  echo "installing @portkey-ai/gateway (npm)" >&2
  (cd build/bench/portkey && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
dotnet build -c Release src/AIBridge.Web/AIBridge.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release tests/AIBridge.Benchmarks/AIBridge.Benchmarks.csproj -v q -nologo >/dev/null
dotnet tests/AIBridge.Benchmarks/bin/Release/net10.0/AIBridge.Benchmarks.dll gateway --peers required "$@"
