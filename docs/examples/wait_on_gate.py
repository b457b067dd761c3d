#!/usr/bin/env python3
"""A pipeline step that asks a person through Greenlight and waits (docs/gate-protocol.md).

Standard library only. Usage:
    python3 wait_on_gate.py [folder] [name] [--timeout SECONDS] [--use-cli]

Writes <folder>/<name>.gate.json atomically, then waits for <name>.decision.json: by polling
it itself, or with --use-cli by running `greenlight wait` (set GREENLIGHT to the command if it
is not on the PATH). Exit code: 0 approved, 1 not approved, 3 timed out (the default applies).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone


def write_json_atomically(path, data):
    """Whole file under a temp name in the same folder (ending in .tmp, which Greenlight
    ignores), flushed to disk, then renamed into place: a reader never sees half of it."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_gate(folder, name, question, options=None, timeout=None, default=None, **extra):
    os.makedirs(folder, exist_ok=True)
    gate = os.path.join(folder, name + ".gate.json")
    decision = os.path.join(folder, name + ".decision.json")
    if os.path.exists(decision):
        os.remove(decision)  # a new question: forget the old answer
    data = {"question": question, "requested_at": datetime.now(timezone.utc).isoformat()}
    if options:
        data["options"] = options
    if timeout:
        data["timeout"] = timeout
    if default is not None:
        data["default"] = default
    data.update(extra)
    write_json_atomically(gate, data)
    return gate, decision


def poll_decision(decision, timeout=None, interval=0.2):
    """The decision as a dict, or None when `timeout` seconds pass first."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        try:
            with open(decision, encoding="utf-8") as f:
                data = json.load(f)
            if isinstance(data, dict) and isinstance(data.get("approved"), bool) and data.get("decision"):
                return data
        except (FileNotFoundError, json.JSONDecodeError):
            pass  # not there yet, or still being written by a non-atomic writer
        if deadline is not None and time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def wait_with_cli(gate, timeout=None):
    """Run `greenlight wait`; returns (exit code, parsed stdout or None)."""
    cmd = shlex.split(os.environ.get("GREENLIGHT", "greenlight")) + ["wait", gate]
    if timeout is not None:
        cmd += ["--timeout", str(timeout)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    try:
        out = json.loads(done.stdout) if done.stdout.strip() else None
    except json.JSONDecodeError:
        out = None
    return done.returncode, out


def main(argv):
    parser = argparse.ArgumentParser(description="Ask a person through Greenlight and wait for the answer.")
    parser.add_argument("folder", nargs="?", default="./gates", help="a folder Greenlight watches")
    parser.add_argument("name", nargs="?", default="approve-cut", help="the gate's name")
    parser.add_argument("--timeout", type=float, help="seconds to wait (written into the gate)")
    parser.add_argument("--use-cli", action="store_true", help="wait with `greenlight wait` instead of polling here")
    opts = parser.parse_args(argv)

    default = "hold"
    gate, decision = write_gate(
        opts.folder, opts.name, "Ship the cut?", options=["ship", "hold"], timeout=opts.timeout, default=default,
        title="Trailer cut", pipeline="wait_on_gate example",
    )
    print("waiting for a decision on %s ..." % gate, file=sys.stderr)

    if opts.use_cli:
        code, answer = wait_with_cli(gate)
        print(json.dumps(answer))
        return code

    answer = poll_decision(decision, opts.timeout)
    if answer is None:
        print(json.dumps({"timed_out": True, "default": default}))
        return 3
    print(json.dumps(answer))
    return 0 if answer["approved"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
