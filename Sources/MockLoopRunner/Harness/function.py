"""Function-mode harness: calls the candidate's function once per case, in this one process.

argv: ENTRY_POINT [JOB_DIR [stdout]]. Reads the cases' arguments (never the expected results)
from JOB_DIR/cases.json (default /job) and writes one JSON line per case to fd 3, which only the
server reads (to stdout with a third argument `stdout`: bare runs for the benchmark):
  {"i": 0, "ms": 0.12, "value": ...}            the function returned
  {"i": 0, "ms": 0.12, "error": "...", "kind": "memory"|"exception"}
The candidate's own prints go to stdout and stderr as usual.
"""
import copy
import json
import os
import sys
import time
import traceback

JOB = sys.argv[2] if len(sys.argv) > 2 else "/job"
results = sys.stdout if sys.argv[3:] == ["stdout"] else os.fdopen(3, "w", buffering=1)


def emit(record):
    results.write(json.dumps(record, default=plain) + "\n")
    results.flush()


def plain(value):
    # Tuples already encode as lists; sets and other iterables become lists, anything else its repr.
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    try:
        return list(value)
    except TypeError:
        return repr(value)


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def find_entry(namespace, name):
    for candidate in (name, camel(name)):
        fn = namespace.get(candidate)
        if callable(fn):
            return fn
    solution = namespace.get("Solution")
    if isinstance(solution, type):
        instance = solution()
        for candidate in (name, camel(name)):
            fn = getattr(instance, candidate, None)
            if callable(fn):
                return fn
    return None


def tail(text, lines=12):
    return "\n".join(text.rstrip().splitlines()[-lines:])


def main():
    entry = sys.argv[1]
    with open(JOB + "/cases.json") as f:
        cases = json.load(f)
    namespace = {"__name__": "solution"}
    try:
        with open(JOB + "/src/solution.py") as f:
            code = compile(f.read(), "solution.py", "exec")
        exec(code, namespace)
    except SyntaxError:
        emit({"i": -1, "ms": 0, "kind": "compile", "error": tail(traceback.format_exc(limit=0))})
        return
    except MemoryError:
        emit({"i": -1, "ms": 0, "kind": "memory", "error": "MemoryError while loading the solution"})
        return
    except BaseException:
        emit({"i": -1, "ms": 0, "kind": "exception", "error": tail(traceback.format_exc())})
        return
    fn = find_entry(namespace, entry)
    if fn is None:
        emit({"i": -1, "ms": 0, "kind": "missing", "error": f"no function named {entry} (or Solution.{entry}) in the solution"})
        return
    for i, case in enumerate(cases):
        args = copy.deepcopy(case.get("args", []))
        start = time.perf_counter()
        try:
            value = fn(*args) if isinstance(args, list) else fn(args)
            emit({"i": i, "ms": (time.perf_counter() - start) * 1000, "value": value})
        except MemoryError:
            emit({"i": i, "ms": (time.perf_counter() - start) * 1000, "kind": "memory", "error": "MemoryError"})
        except RecursionError:
            emit({"i": i, "ms": (time.perf_counter() - start) * 1000, "kind": "exception",
                  "error": "RecursionError: maximum recursion depth exceeded"})
        except BaseException:
            emit({"i": i, "ms": (time.perf_counter() - start) * 1000, "kind": "exception",
                  "error": tail(traceback.format_exc())})


main()
