#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! [ -x /usr/sbin/nginx ]; then
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y chromium nginx
fi
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
python3 -m babel.messages.frontend compile -d locales  # the Hindi and Russian catalogues, .po to .mo
python3 -m ruff check .
# Both cores: the suite is CPU-bound (AppTest runs, Chromium, app servers); a local cluster's tests share one worker.
python3 -m pytest -n 2 --dist loadgroup "$@"
