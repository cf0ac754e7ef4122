#!/usr/bin/env bash
# Runs the browser tests: installs playwright-core (package-lock.json) into
# the build folder with `npm ci` when it is missing or the lockfile changed,
# then drives Debian's /usr/bin/chromium headless against a real `diar serve`.
# If npm cannot install, the test fails and says why; it never skips.
#   run.sh DIAR_BINARY BUILD_DIR MAKE_OUTDATED_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
diar=$(realpath "$1")
build=$(realpath "$2")
make_outdated=$(realpath "$3")
modules_dir="$build/tests/browser"
mkdir -p "$modules_dir"
if ! cmp -s "$here/package-lock.json" "$modules_dir/package-lock.json" ||
   [ ! -d "$modules_dir/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$modules_dir/"
  if ! command -v npm >/dev/null; then
    echo "browser tests: npm is not installed; run scripts/deps (nodejs, npm) and try again" >&2
    exit 1
  fi
  if ! (cd "$modules_dir" && npm ci --no-audit --no-fund --loglevel=error >&2); then
    echo "browser tests: 'npm ci' could not install playwright-core from the npm registry" \
         "(no network, or a proxy in the way?); these tests need it and fail rather than skip" >&2
    rm -f "$modules_dir/package-lock.json"
    exit 1
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "browser tests: /usr/bin/chromium is missing; install Debian's chromium (scripts/deps)" >&2
  exit 1
fi
DIAR_BIN="$diar" DIAR_BUILD_DIR="$build" DIAR_SOURCE_DIR="$here/../.." DIAR_MAKE_OUTDATED="$make_outdated" \
  DIAR_NODE_MODULES="$modules_dir/node_modules" node --test --test-reporter=spec "$here/serve.test.cjs"
