#!/usr/bin/env bash
# What `make browser` needs, installed when missing: Debian's Chromium and the Playwright
# driver from PyPI (the browser itself comes from Debian, not from Playwright's downloads).
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
    sudo_if_needed=""
    [ "$(id -u)" -ne 0 ] && sudo_if_needed="sudo"
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium >/dev/null
fi
python3 -c "import playwright" 2>/dev/null || python3 -m pip install --quiet playwright==1.65.2
