#!/usr/bin/env bash
# Browser tests (Selenium + Debian's Chromium), terminal tests (pexpect) and API fuzzing
# (schemathesis) against a real `mockloop serve`. Two phases, so that the tests themselves can run
# without a network (scripts/test.sh runs them in a network namespace that has only loopback):
#
#   Tests/e2e/run.sh --prepare   installs what is missing: apt chromium + chromium-driver (as root),
#                                and a virtual environment under .venv with pinned selenium, pytest,
#                                schemathesis and pexpect. Needs the network.
#   Tests/e2e/run.sh             runs pytest (Tests/e2e) and the fuzzer (Tests/e2e/fuzz_api.py).
#                                Installs nothing and needs no network: run --prepare first.
#
# Environment: MOCKLOOP_BIN (default .build/debug/mockloop), MOCKLOOP_E2E_ARTIFACTS (default
# e2e-artifacts), MOCKLOOP_TEST_POSTGRES_URL (when set, the server tests run on PostgreSQL too).
set -euo pipefail
cd "$(dirname "$0")/../.."

have_chromium() {
  command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
}
venv_ready() {
  [ -x .venv/bin/python ] && .venv/bin/python -c 'import selenium, pytest, schemathesis, pexpect, websockets, icalendar, vobject, aiosmtpd' >/dev/null 2>&1
}

prepare() {
  if ! have_chromium; then
    if [ "$(id -u)" = 0 ]; then
      echo "e2e: installing chromium and chromium-driver"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      echo "e2e: chromium and chromium-driver are missing and we are not root: install them (apt-get install chromium chromium-driver)" >&2
      exit 1
    fi
  fi
  # The mail tests make a TLS certificate for their SMTP server.
  if ! command -v openssl >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
    else
      echo "e2e: openssl is missing and we are not root: install it (apt-get install openssl)" >&2
      exit 1
    fi
  fi
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/pip install -q --disable-pip-version-check "selenium==4.50.0" "pytest==9.0.3" "schemathesis==4.32.5" "pexpect==4.9.0" "websockets==15.0.1" "icalendar==7.3.2" "vobject==0.9.9" "aiosmtpd==1.4.6"
}

run() {
  have_chromium || { echo "e2e: chromium and chromium-driver are missing: run Tests/e2e/run.sh --prepare first" >&2; exit 1; }
  venv_ready || { echo "e2e: .venv lacks selenium, pytest, schemathesis, pexpect, websockets, icalendar, vobject or aiosmtpd: run Tests/e2e/run.sh --prepare first" >&2; exit 1; }

  export MOCKLOOP_BIN="${MOCKLOOP_BIN:-$PWD/.build/debug/mockloop}"
  [ -x "$MOCKLOOP_BIN" ] || { echo "e2e: $MOCKLOOP_BIN is not an executable: build it first (swift build)" >&2; exit 1; }
  export MOCKLOOP_E2E_ARTIFACTS="${MOCKLOOP_E2E_ARTIFACTS:-$PWD/e2e-artifacts}"
  rm -rf "$MOCKLOOP_E2E_ARTIFACTS"
  mkdir -p "$MOCKLOOP_E2E_ARTIFACTS"
  echo "e2e: screenshots and failure pages go to $MOCKLOOP_E2E_ARTIFACTS"

  status=0
  .venv/bin/python -m pytest -q -p no:cacheprovider Tests/e2e || status=$?
  .venv/bin/python Tests/e2e/fuzz_api.py || status=$?
  exit $status
}

case "${1:-}" in
  --prepare) [ $# -eq 1 ] || { echo "usage: $0 [--prepare]" >&2; exit 2; }; prepare ;;
  "") [ $# -eq 0 ] || { echo "usage: $0 [--prepare]" >&2; exit 2; }; run ;;
  *) echo "usage: $0 [--prepare]" >&2; exit 2 ;;
esac
