#!/usr/bin/env bash
# Makes sure the browser tests (tests/e2e) have a Chromium to drive: $CHROMIUM if set, else `chromium` on PATH
# (Debian's package; playwright-core downloads no browser). When it is missing and LAYERLAB_INSTALL_CHROMIUM=1
# (set by .ci/run), root with apt-get installs it; otherwise this fails and names the command to run.
set -euo pipefail

HINT="Install Debian's chromium package: sudo apt-get install -y chromium   (as root: apt-get install -y chromium)
or point CHROMIUM at a Chromium binary: CHROMIUM=/path/to/chromium npm test"

if [ -n "${CHROMIUM:-}" ]; then
  if [ -x "$CHROMIUM" ] && [ -f "$CHROMIUM" ]; then
    exit 0
  fi
  echo "error: CHROMIUM=$CHROMIUM is not an executable file; the browser tests (tests/e2e) need Chromium." >&2
  echo "$HINT" >&2
  exit 1
fi

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

if [ "${LAYERLAB_INSTALL_CHROMIUM:-}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing Debian's chromium for the browser tests (apt-get)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  if command -v chromium >/dev/null 2>&1; then
    exit 0
  fi
  echo "error: apt-get installed chromium but \`chromium\` is still not on PATH." >&2
  exit 1
fi

echo "error: the browser tests (tests/e2e) need Chromium and found no \`chromium\` on PATH." >&2
echo "$HINT" >&2
exit 1
