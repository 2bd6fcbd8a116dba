#!/usr/bin/env bash
# Makes the two base images the Dockerfile names, locally, for machines that reach no container
# registry: a Debian 12 root file system (debootstrap, from Debian's own mirror) with this machine's
# .NET SDK, and the same with only the runtimes and an "app" user. Then: buildah bud --isolation chroot -t aibridge .
# Needs root, buildah and debootstrap (apt-get install buildah debootstrap).
set -euo pipefail
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
work=$(mktemp -d /tmp/aibridge-base.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "Debian 12 root file system"
debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*

# The certificate authorities this machine trusts beyond Debian's (a TLS-inspecting proxy's, say) are
# trusted in the images too, so that the build's package restore reaches what this machine reaches.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$work/rootfs/usr/local/share/ca-certificates/"
  chroot "$work/rootfs" update-ca-certificates >/dev/null
fi

image() { # name, then the parts of the .NET installation to copy
  local name=$1; shift
  local container mount
  container=$(buildah from scratch)
  mount=$(buildah mount "$container")
  cp -a "$work/rootfs/." "$mount/"
  mkdir -p "$mount/usr/share/dotnet"
  for part in "$@"; do
    mkdir -p "$mount/usr/share/dotnet/$(dirname "$part")"
    cp -a "$dotnet_root/$part" "$mount/usr/share/dotnet/$part"
  done
  ln -sf /usr/share/dotnet/dotnet "$mount/usr/bin/dotnet"
  chroot "$mount" useradd --uid 1654 --user-group --no-create-home --home-dir /app app 2>/dev/null || true
  buildah umount "$container" >/dev/null
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env DOTNET_NOLOGO=1 \
    --env APP_UID=1654 ${NUGET_CERT_REVOCATION_MODE:+--env NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE} --workingdir / "$container"
  buildah commit --quiet "$container" "$name" >/dev/null
  buildah rm "$container" >/dev/null
  echo "made $name"
}

image mcr.microsoft.com/dotnet/sdk:10.0 dotnet host shared packs sdk sdk-manifests templates
image mcr.microsoft.com/dotnet/aspnet:10.0 dotnet host shared
