"""Stdio-mode harness: runs the candidate's program once per case with the case's stdin.

argv: PROGRAM [ARGS...]. Reads the cases' stdin (never the expected output) from
/job/cases.json and writes one JSON line per case to fd 3, which only the server reads:
  {"i": 0, "ms": 3.1, "exit": 0, "signal": null, "stdout": "...", "stdoutBytes": 4, "stderr": "..."}
Output goes through files on the size-limited /tmp, so a flood is cut by the file-size limit
instead of filling this process's memory; only the first STDOUT_CAP bytes are read back.
"""
import json
import os
import subprocess
import sys
import time

STDOUT_CAP = int(os.environ.get("MOCKLOOP_STDOUT_CAP", "1048576"))
STDERR_CAP = int(os.environ.get("MOCKLOOP_STDERR_CAP", "65536"))
results = os.fdopen(3, "w", buffering=1)


def read_head(path, cap):
    with open(path, "rb") as f:
        data = f.read(cap + 1)
    size = os.path.getsize(path)
    return data[:cap].decode("utf-8", "replace"), size


def read_tail(path, cap):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        f.seek(max(0, size - cap))
        return f.read().decode("utf-8", "replace")


def main():
    program = sys.argv[1:]
    with open("/job/cases.json") as f:
        cases = json.load(f)
    for i, case in enumerate(cases):
        paths = [f"/tmp/case{i}.{name}" for name in ("in", "out", "err")]
        with open(paths[0], "w") as f:
            f.write(case.get("stdin") or "")
        with open(paths[0]) as stdin, open(paths[1], "w") as stdout, open(paths[2], "w") as stderr:
            start = time.perf_counter()
            code = subprocess.call(program, stdin=stdin, stdout=stdout, stderr=stderr, cwd="/tmp")
            ms = (time.perf_counter() - start) * 1000
        out, size = read_head(paths[1], STDOUT_CAP)
        record = {"i": i, "ms": ms, "exit": code if code >= 0 else None,
                  "signal": -code if code < 0 else None,
                  "stdout": out, "stdoutBytes": size, "stderr": read_tail(paths[2], STDERR_CAP)}
        results.write(json.dumps(record) + "\n")
        results.flush()
        for path in paths:
            os.unlink(path)


main()
