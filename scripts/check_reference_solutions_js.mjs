#!/usr/bin/env node
// Run every built-in coding question's test cases against its JavaScript reference solution.
//
// For each question in Sources/MockLoopCore/Content/questions/*.yaml whose `tests` use function
// mode, loads Tests/ReferenceSolutions/<id>.js in a fresh `vm` context, calls the entry point with
// a deep copy (structuredClone) of each case's args and compares the result with `expected`
// exactly like scripts/check_reference_solutions.py does for the Python solutions:
//
//   exact      deep equality of JSON values
//   unordered  both lists sorted by their (key-sorted) JSON encoding, then equal
//   float      |result - expected| <= tolerance (default 1e-6), element-wise for (nested) lists
//
// YAML is read through PyYAML (python3, or $PYTHON) and converted to JSON.
// A missing .js solution is a failure. Prints one line per failure, then
// `check_reference_solutions_js: N passed, M failed`, and exits non-zero if anything failed.
// Works from any directory. Node 20, no npm packages.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const QUESTIONS_DIR = path.join(ROOT, "Sources", "MockLoopCore", "Content", "questions");
const SOLUTIONS_DIR = path.join(ROOT, "Tests", "ReferenceSolutions");
const PYTHON = process.env.PYTHON || "python3";
const DEFAULT_TOLERANCE = 1e-6;
const LOAD_TIMEOUT_MS = 5000;
const CASE_TIMEOUT_MS = 10000;

const YAML_TO_JSON = [
  "import json, sys, yaml",
  "with open(sys.argv[1], encoding='utf-8') as f:",
  "    data = yaml.safe_load(f)",
  "sys.stdout.write(json.dumps(data, default=str, allow_nan=False))",
].join("\n");

function loadYaml(file) {
  const out = execFileSync(PYTHON, ["-c", YAML_TO_JSON, file], {
    encoding: "utf-8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

const isPlainObject = (v) =>
  v !== null && typeof v === "object" && Object.prototype.toString.call(v) === "[object Object]";

// Key-sorted compact JSON, like json.dumps(value, sort_keys=True, separators=(",", ":")).
function canonical(value) {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonical(value[k])).join(",") + "}";
  }
  if (value === undefined) return "undefined"; // never equal to any JSON encoding
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

function deepEqual(got, expected) {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(got) &&
      got.length === expected.length &&
      expected.every((e, i) => deepEqual(got[i], e))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(got)) return false;
    const gk = Object.keys(got);
    const ek = Object.keys(expected);
    return (
      gk.length === ek.length &&
      ek.every((k) => Object.prototype.hasOwnProperty.call(got, k) && deepEqual(got[k], expected[k]))
    );
  }
  // Scalars: null, booleans, numbers, strings. `undefined` never equals a JSON value.
  return got === expected;
}

function floatsMatch(got, expected, tolerance) {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(got) &&
      got.length === expected.length &&
      expected.every((e, i) => floatsMatch(got[i], e, tolerance))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(got)) return false;
    const gk = Object.keys(got);
    const ek = Object.keys(expected);
    return (
      gk.length === ek.length &&
      ek.every((k) => Object.prototype.hasOwnProperty.call(got, k) && floatsMatch(got[k], expected[k], tolerance))
    );
  }
  if (typeof expected === "boolean" || typeof got === "boolean") return got === expected;
  if (typeof expected === "number" && typeof got === "number") {
    if (Number.isNaN(expected) || Number.isNaN(got)) return false;
    return Math.abs(got - expected) <= tolerance;
  }
  return got === expected;
}

function matches(compare, tolerance, got, expected) {
  if (compare === "unordered") {
    if (!Array.isArray(got) || !Array.isArray(expected)) return false;
    const a = got.map(canonical).sort();
    const b = expected.map(canonical).sort();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (compare === "float") return floatsMatch(got, expected, tolerance);
  return deepEqual(got, expected);
}

function short(value, limit = 200) {
  let text;
  try {
    text = value === undefined ? "undefined" : canonical(value);
  } catch {
    text = String(value);
  }
  return text.length <= limit ? text : text.slice(0, limit) + "...";
}

function errorLine(e) {
  if (e && typeof e === "object" && "message" in e) {
    return `${e.name || "Error"}: ${String(e.message).split("\n")[0]}`;
  }
  return String(e);
}

function main() {
  let passed = 0;
  let failed = 0;
  const fail = (message) => {
    failed += 1;
    console.log("FAIL " + message);
  };
  const rel = (p) => path.relative(ROOT, p);

  let files = [];
  try {
    files = fs
      .readdirSync(QUESTIONS_DIR)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => path.join(QUESTIONS_DIR, f));
  } catch (e) {
    fail(`cannot list ${rel(QUESTIONS_DIR)}: ${errorLine(e)}`);
  }
  if (files.length === 0) fail(`no question files found in ${rel(QUESTIONS_DIR)}`);

  for (const file of files) {
    const relFile = rel(file);
    let data;
    try {
      data = loadYaml(file);
    } catch (e) {
      const detail = (e.stderr && String(e.stderr).trim().split("\n").pop()) || errorLine(e);
      fail(`${relFile}: cannot parse YAML: ${detail}`);
      continue;
    }
    const questions = isPlainObject(data) ? data.questions : data;
    if (!Array.isArray(questions)) {
      fail(`${relFile}: expected a \`questions:\` list`);
      continue;
    }
    for (const q of questions) {
      if (!isPlainObject(q)) continue;
      const qid = q.id ?? "?";
      const tests = q.tests;
      if (!isPlainObject(tests) || tests.mode !== "function") continue;
      const entryPoint = tests.entryPoint;
      const compare = tests.compare || "exact";
      const tolerance =
        tests.tolerance === undefined || tests.tolerance === null ? DEFAULT_TOLERANCE : Number(tests.tolerance);
      if (!["exact", "unordered", "float"].includes(compare)) {
        fail(`${relFile} ${qid}: unknown compare mode ${JSON.stringify(compare)}`);
        continue;
      }
      if (typeof entryPoint !== "string" || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(entryPoint)) {
        fail(`${relFile} ${qid}: invalid entryPoint ${JSON.stringify(entryPoint)}`);
        continue;
      }
      const solution = path.join(SOLUTIONS_DIR, `${qid}.js`);
      if (!fs.existsSync(solution)) {
        fail(`${relFile} ${qid}: missing reference solution ${rel(solution)}`);
        continue;
      }
      const cases = Array.isArray(tests.cases) ? tests.cases : [];
      const source = fs.readFileSync(solution, "utf-8");
      let script;
      try {
        script = new vm.Script(source, { filename: solution });
      } catch (e) {
        fail(`${relFile} ${qid}: cannot compile ${rel(solution)}: ${errorLine(e)}`);
        continue;
      }
      const call = new vm.Script(`${entryPoint}(...__mockloop_args__)`, { filename: `${qid}:call` });
      for (let index = 0; index < cases.length; index++) {
        const c = cases[index];
        const args = isPlainObject(c) ? c.args : undefined;
        const expected = isPlainObject(c) ? c.expected : undefined;
        if (!Array.isArray(args)) {
          fail(`${relFile} ${qid} case ${index}: args must be a list`);
          continue;
        }
        // A fresh context per case, so state left behind by one case cannot affect the next.
        const context = vm.createContext({});
        try {
          script.runInContext(context, { timeout: LOAD_TIMEOUT_MS });
        } catch (e) {
          fail(`${relFile} ${qid}: cannot load ${rel(solution)}: ${errorLine(e)}`);
          break;
        }
        if (typeof context[entryPoint] !== "function") {
          fail(`${relFile} ${qid}: ${path.basename(solution)} does not define ${entryPoint}()`);
          break;
        }
        context.__mockloop_args__ = structuredClone(args);
        let got;
        try {
          got = call.runInContext(context, { timeout: CASE_TIMEOUT_MS });
        } catch (e) {
          fail(`${relFile} ${qid} case ${index}: raised ${errorLine(e)}`);
          continue;
        }
        if (matches(compare, tolerance, got, expected)) {
          passed += 1;
        } else {
          fail(`${relFile} ${qid} case ${index}: expected ${short(expected)}, got ${short(got)}`);
        }
      }
    }
  }

  console.log(`check_reference_solutions_js: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = main();
