#!/usr/bin/env bash
# Browser tests (Selenium + Debian's Chromium) and API fuzzing (schemathesis) against a real
# `mockloop serve`. Installs what is missing: apt chromium + chromium-driver, and a virtual
# environment under .venv with pinned selenium, pytest and schemathesis.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromedriver >/dev/null 2>&1 || ! { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }; then
  if [ "$(id -u)" = 0 ]; then
    echo "e2e: installing chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "e2e: chromium and chromium-driver are missing and we are not root: install them (apt-get install chromium chromium-driver)" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check "selenium==4.50.0" "pytest==9.0.3" "schemathesis==4.32.5" "pexpect==4.9.0"

export MOCKLOOP_BIN="${MOCKLOOP_BIN:-$PWD/.build/debug/mockloop}"
export MOCKLOOP_E2E_ARTIFACTS="${MOCKLOOP_E2E_ARTIFACTS:-$PWD/e2e-artifacts}"
rm -rf "$MOCKLOOP_E2E_ARTIFACTS"
mkdir -p "$MOCKLOOP_E2E_ARTIFACTS"
echo "e2e: screenshots and failure pages go to $MOCKLOOP_E2E_ARTIFACTS"

status=0
.venv/bin/python -m pytest -q -p no:cacheprovider Tests/e2e || status=$?
.venv/bin/python Tests/e2e/fuzz_api.py || status=$?
exit $status
