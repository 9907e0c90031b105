#!/usr/bin/env bash
# System packages the test suite needs beyond the Python venv: Debian's chromium, for the tests
# that open pages in a real headless browser: the Great Expectations Data Docs
# (tests/test_validate_seeds.py) and the thread viewer (tests/test_view.py); they skip with a
# reason when chromium is absent.
# Idempotent: does nothing when chromium is already installed. Needs root (or sudo) for apt-get.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "ci_system_deps: chromium already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ci_system_deps: not root and no sudo; install chromium yourself (apt-get install -y chromium)" >&2
    exit 0  # the browser test will skip with a clear reason
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium
