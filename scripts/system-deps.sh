#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages Talknotes needs are present.
#   scripts/system-deps.sh run    Qt runtime libraries and fonts (to start the app)
#   scripts/system-deps.sh test   also Xvfb, hugo and jekyll (for the test suite)
# Installs with apt-get when it is available and we are root (or have password-less sudo);
# otherwise prints exactly what to install and fails.
set -euo pipefail
RUN_PACKAGES="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 fonts-dejavu-core fonts-noto-color-emoji libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0"
TEST_PACKAGES="xvfb xauth hugo jekyll git desktop-file-utils appstream"
wanted="$RUN_PACKAGES"
[ "${1:-run}" = "test" ] && wanted="$wanted $TEST_PACKAGES"
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Talknotes needs Python 3.11 or newer as python3" >&2; exit 1
fi
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then wanted="$wanted python3-venv"; fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "note: not a Debian-like system; make sure these (or their equivalents) are installed: $wanted" >&2
  exit 0
fi
missing=""
for pkg in $wanted; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages:$missing" >&2
  echo "install them with: sudo apt-get install --no-install-recommends$missing" >&2
  exit 1
fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# --no-install-recommends: without it hugo pulls ~450 MB of Go
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
