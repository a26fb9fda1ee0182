#!/usr/bin/env bash
# Runs every test of ReflectBot on a fresh machine: installs what the tests need, then `dotnet test`.
# Used by README's test command and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# Test-time tools the suites start themselves (Azurite, Web Chat's bundle) come from npm, when a
# package.json asks for them.
if [ -f package.json ] && command -v npm >/dev/null 2>&1; then
  if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ -d tests/ReflectBot.Browser.Tests ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  fi
fi

# The mood chart (ScottPlot on Skia) draws its labels with a system font; a bare image may have none.
if [ ! -d /usr/share/fonts/truetype/dejavu ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

dotnet test ReflectBot.sln --nologo "$@"
