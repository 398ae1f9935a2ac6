#!/usr/bin/env bash
# Resolve requirements.in and requirements-dev.in into pinned lock files, in a
# throw-away virtualenv so that nothing installed by hand leaks into the pins.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q -r requirements.in
{
  echo "# Pinned runtime dependencies, resolved from requirements.in with 'make lock'."
  "$work/venv/bin/pip" freeze --exclude pip --exclude setuptools
} > requirements.txt
"$work/venv/bin/pip" install -q -r requirements-dev.in
"$work/venv/bin/pip" freeze --exclude pip --exclude setuptools > "$work/all.txt"
{
  echo "# Pinned test and development tools, resolved from requirements-dev.in with 'make lock'."
  echo "-r requirements.txt"
  grep -vxF -f <(grep -v '^#' requirements.txt) "$work/all.txt" || true
} > requirements-dev.txt
"$work/venv/bin/pip" install -q -r requirements-bench.in
"$work/venv/bin/pip" freeze --exclude pip --exclude setuptools > "$work/bench.txt"
{
  echo "# Pinned benchmark tools, resolved from requirements-bench.in with 'make lock'."
  echo "-r requirements-dev.txt"
  grep -vxF -f "$work/all.txt" "$work/bench.txt" || true
} > requirements-bench.txt
