function run_store(operations) {
  // key -> { times: sorted timestamps, values: parallel values }
  const store = new Map();
  const results = [];
  // First index whose timestamp is > t (upper bound).
  const upper = (ts, t) => {
    let lo = 0;
    let hi = ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const op of operations) {
    if (op[0] === "set") {
      const [, key, value, t] = op;
      let entry = store.get(key);
      if (!entry) {
        entry = { times: [], values: [] };
        store.set(key, entry);
      }
      const i = upper(entry.times, t);
      if (i > 0 && entry.times[i - 1] === t) {
        entry.values[i - 1] = value;
      } else {
        entry.times.splice(i, 0, t);
        entry.values.splice(i, 0, value);
      }
    } else {
      const [, key, t] = op;
      const entry = store.get(key);
      if (!entry) {
        results.push(null);
        continue;
      }
      const i = upper(entry.times, t);
      results.push(i > 0 ? entry.values[i - 1] : null);
    }
  }
  return results;
}
