#!/usr/bin/env bash
# Run by `npm test` before the suites: the browser tests drive Debian's chromium through playwright-core
# (playwright's own browser download cannot work here). Install it when missing, or fail saying how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "test setup: $CHROMIUM is missing; installing Debian's chromium for the browser tests…" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "test setup: cannot install chromium without root. Run: apt-get install -y chromium fonts-noto-color-emoji" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test setup: no apt-get here. Install Chromium and set CHROMIUM_PATH to its binary, then run npm test again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "test setup: chromium installed, but $CHROMIUM is still missing; set CHROMIUM_PATH to its binary." >&2
  exit 1
fi
echo "test setup: chromium ready ($("$CHROMIUM" --version 2>/dev/null || echo unknown version))" >&2
