#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium (the browser tests drive it via Playwright).
# Installs it with apt-get when running as root; otherwise says why it cannot and exits 3.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "chromium is missing and we are not root: run 'apt-get install -y chromium' as root" >&2
    exit 3
fi
if ! command -v apt-get >/dev/null; then
    echo "chromium is missing and apt-get is not available on this system" >&2
    exit 3
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
[ -x "$CHROMIUM" ] || { echo "apt-get ran but $CHROMIUM is still missing" >&2; exit 3; }
