#!/usr/bin/env bash
# A pipeline step that asks a person through Greenlight and waits for the answer
# (docs/gate-protocol.md). Usage: wait-on-gate.sh [folder] [name]
#   folder: a folder Greenlight watches (default ./gates); name: the gate's name (approve-cut)
# Needs `greenlight` on the PATH (or set GREENLIGHT="node /path/to/bin/greenlight.cjs").
set -euo pipefail
dir=${1:-./gates}
name=${2:-approve-cut}
greenlight=${GREENLIGHT:-greenlight}
timeout=${GATE_TIMEOUT:-3600}
mkdir -p "$dir"

# 1. Ask: a new question forgets any old answer, and the gate is written atomically
#    (a temp file ending in .tmp in the same folder, then a rename), so nobody reads half of it.
rm -f "$dir/$name.decision.json"
tmp="$dir/.$name.gate.json.$$.tmp"
cat > "$tmp" <<JSON
{
  "question": "Ship the cut?",
  "title": "Trailer cut",
  "pipeline": "wait-on-gate example",
  "options": ["ship", "hold"],
  "requested_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "timeout": $timeout,
  "default": "hold"
}
JSON
mv -f "$tmp" "$dir/$name.gate.json"
echo "waiting for a decision on $dir/$name.gate.json …" >&2

# 2. Wait: the exit code says what happened, stdout carries the decision as JSON.
set +e
answer=$($greenlight wait "$dir/$name.gate.json")
code=$?
set -e

case $code in
  0) echo "approved: $answer" ;;
  1) echo "not approved: $answer"; exit 1 ;;
  3) echo "no answer in time, the default applies: $answer"; exit 1 ;;
  *) echo "greenlight wait failed (exit $code)" >&2; exit 2 ;;
esac
