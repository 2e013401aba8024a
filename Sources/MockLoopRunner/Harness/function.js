// Function-mode harness: calls the candidate's function once per case, in this one process.
// argv: ENTRY_POINT [JOB_DIR [stdout]]. Reads the cases' arguments (never the expected results)
// from JOB_DIR/cases.json (default /job) and writes one JSON line per case to fd 3, which only
// the server reads (same records as function.py; to stdout with a third argument `stdout`:
// bare runs for the benchmark). console.log from the candidate goes to stdout as usual.
"use strict";
const fs = require("fs");
const vm = require("vm");

const RESULTS = process.argv[4] === "stdout" ? 1 : 3;
const JOB = process.argv[3] || "/job";
const emit = (record) => fs.writeSync(RESULTS, JSON.stringify(record, plain) + "\n");

function plain(key, value) {
  if (value instanceof Set) return Array.from(value);
  if (value instanceof Map) return Object.fromEntries(value);
  if (typeof value === "bigint") return Number(value);
  if (value === undefined) return null;
  return value;
}

const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const tail = (text, lines = 12) => String(text).trimEnd().split("\n").slice(-lines).join("\n");
const isMemory = (e) => e instanceof RangeError && /allocation|memory|Invalid array length|Invalid string length/i.test(e.message);

function load(entry) {
  const source = fs.readFileSync(JOB + "/src/solution.js", "utf8");
  const names = [entry, camel(entry)].filter((n, i, all) => /^[A-Za-z_$][\w$]*$/.test(n) && all.indexOf(n) === i);
  const lookup = names.map((n) => `typeof ${n} === "function" ? ${n} : `).join("");
  const module = { exports: {} };
  // The wrapper keeps the candidate's line numbers: the source starts on the first line.
  const wrapped = `(function (module, exports, require) {${source}\n;return ${lookup}undefined;})`;
  const fn = vm.runInThisContext(wrapped, { filename: "solution.js" })(module, module.exports, require);
  if (fn) return fn;
  const exported = module.exports;
  if (typeof exported === "function") return exported;
  for (const n of names) if (exported && typeof exported[n] === "function") return exported[n];
  return null;
}

function main() {
  const entry = process.argv[2];
  const cases = JSON.parse(fs.readFileSync(JOB + "/cases.json", "utf8"));
  let fn;
  try {
    fn = load(entry);
  } catch (e) {
    const kind = e instanceof SyntaxError ? "compile" : isMemory(e) ? "memory" : "exception";
    emit({ i: -1, ms: 0, kind, error: tail(e && e.stack ? e.stack : e) });
    return;
  }
  if (!fn) {
    emit({ i: -1, ms: 0, kind: "missing", error: `no function named ${entry} in the solution` });
    return;
  }
  cases.forEach((c, i) => {
    const args = structuredClone(c.args === undefined ? [] : c.args);
    const start = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    try {
      const value = Array.isArray(args) ? fn(...args) : fn(args);
      emit({ i, ms: ms(), value });
    } catch (e) {
      emit({ i, ms: ms(), kind: isMemory(e) ? "memory" : "exception", error: tail(e && e.stack ? e.stack : e) });
    }
  });
}

main();
