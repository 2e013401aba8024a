#!/usr/bin/env python3
"""Run every built-in coding question's test cases against its reference solution.

For each question in Sources/MockLoopCore/Content/questions/*.yaml whose `tests` use function
mode, imports Tests/ReferenceSolutions/<id>.py, calls the entry point with a deep copy of each
case's args and compares the result with `expected` according to `compare`:

  exact      result == expected
  unordered  both lists sorted by their JSON encoding, then equal
  float      |result - expected| <= tolerance (default 1e-6), element-wise for (nested) lists

It also checks that every built-in coding question has at least 8 cases and a reference
solution file. Prints one line per failure, then `check_reference_solutions: N passed, M failed`,
and exits non-zero if anything failed. Works from any directory.
"""
import copy
import glob
import importlib.util
import json
import math
import os
import sys
import traceback

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONS_DIR = os.path.join(ROOT, "Sources", "MockLoopCore", "Content", "questions")
SOLUTIONS_DIR = os.path.join(ROOT, "Tests", "ReferenceSolutions")
MIN_CASES = 8
DEFAULT_TOLERANCE = 1e-6


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def floats_match(got, expected, tolerance):
    if isinstance(expected, list):
        return (isinstance(got, (list, tuple)) and len(got) == len(expected)
                and all(floats_match(g, e, tolerance) for g, e in zip(got, expected)))
    if isinstance(expected, dict):
        return (isinstance(got, dict) and set(got) == set(expected)
                and all(floats_match(got[k], expected[k], tolerance) for k in expected))
    if isinstance(expected, bool) or isinstance(got, bool):
        return got == expected
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if math.isnan(expected) or math.isnan(got):
            return False
        return abs(got - expected) <= tolerance
    return got == expected


def matches(compare, tolerance, got, expected):
    if compare == "unordered":
        if not isinstance(got, (list, tuple)) or not isinstance(expected, list):
            return False
        # Round-trip through JSON so tuples compare like lists.
        got = json.loads(json.dumps(list(got)))
        return sorted(canonical(x) for x in got) == sorted(canonical(x) for x in expected)
    if compare == "float":
        return floats_match(got, expected, tolerance)
    return got == expected


def load_entry_point(path, question_id, entry_point):
    module_name = "reference_" + question_id.replace("-", "_")
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn = getattr(module, entry_point, None)
    if not callable(fn):
        raise AttributeError(f"{os.path.basename(path)} does not define {entry_point}()")
    return fn


def short(value, limit=200):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def main():
    passed = 0
    failed = 0
    missing_solution = False

    def fail(message):
        nonlocal failed
        failed += 1
        print("FAIL " + message)

    files = sorted(glob.glob(os.path.join(QUESTIONS_DIR, "*.yaml")))
    if not files:
        fail(f"no question files found in {os.path.relpath(QUESTIONS_DIR, ROOT)}")
    for file in files:
        rel = os.path.relpath(file, ROOT)
        try:
            with open(file, encoding="utf-8") as f:
                data = yaml.safe_load(f)
        except Exception as e:  # noqa: BLE001 - report any parse problem as a failure
            fail(f"{rel}: cannot parse YAML: {e}")
            continue
        questions = data.get("questions") if isinstance(data, dict) else data
        if not isinstance(questions, list):
            fail(f"{rel}: expected a `questions:` list")
            continue
        for q in questions:
            qid = q.get("id", "?")
            tests = q.get("tests")
            if q.get("type") == "coding":
                cases = (tests or {}).get("cases") or []
                if len(cases) < MIN_CASES:
                    fail(f"{rel} {qid}: has {len(cases)} test cases, needs at least {MIN_CASES}")
            if not tests or tests.get("mode") != "function":
                if q.get("type") == "coding" and not tests:
                    fail(f"{rel} {qid}: coding question has no tests")
                continue
            entry_point = tests.get("entryPoint")
            compare = tests.get("compare") or "exact"
            tolerance = tests.get("tolerance")
            tolerance = DEFAULT_TOLERANCE if tolerance is None else float(tolerance)
            if compare not in ("exact", "unordered", "float"):
                fail(f"{rel} {qid}: unknown compare mode {compare!r}")
                continue
            solution = os.path.join(SOLUTIONS_DIR, f"{qid}.py")
            if not os.path.isfile(solution):
                missing_solution = True
                fail(f"{rel} {qid}: missing reference solution {os.path.relpath(solution, ROOT)}")
                continue
            try:
                fn = load_entry_point(solution, qid, entry_point)
            except Exception as e:  # noqa: BLE001
                fail(f"{rel} {qid}: cannot load {entry_point} from {os.path.relpath(solution, ROOT)}: {e}")
                continue
            for index, case in enumerate(tests.get("cases") or []):
                args = case.get("args")
                expected = case.get("expected")
                if not isinstance(args, list):
                    fail(f"{rel} {qid} case {index}: args must be a list")
                    continue
                try:
                    got = fn(*copy.deepcopy(args))
                except Exception:  # noqa: BLE001
                    error = traceback.format_exc().strip().splitlines()[-1]
                    fail(f"{rel} {qid} case {index}: raised {error}")
                    continue
                if matches(compare, tolerance, got, expected):
                    passed += 1
                else:
                    fail(f"{rel} {qid} case {index}: expected {short(expected)}, got {short(got)}")

    print(f"check_reference_solutions: {passed} passed, {failed} failed")
    return 1 if failed or missing_solution else 0


if __name__ == "__main__":
    sys.exit(main())
