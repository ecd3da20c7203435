#!/usr/bin/env bash
# CI: Debian's chromium for the browser tests (tests/browser), installed with apt when it is missing.
# playwright for Python (the test extra) drives it through executable_path: its own browser download is not
# reachable here. Fails (and CI with it) when chromium is missing and cannot be installed: the browser tests are
# part of CI. Run by hand, pytest skips them when there is no chromium.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: chromium is missing and cannot be installed here (needs root and apt-get)" >&2
  exit 1
fi
apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >/dev/null \
  || { apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null && apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >/dev/null; } \
  || { echo "ensure_chromium: apt-get could not install chromium" >&2; exit 1; }
command -v chromium
