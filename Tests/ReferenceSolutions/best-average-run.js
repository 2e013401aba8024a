function best_average(scores, k) {
  const n = scores.length;
  const prefix = new Float64Array(n + 1);
  // Is there a run of length >= k whose sum of (score - avg) is >= 0?
  const someRunReaches = (avg) => {
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + scores[i] - avg;
    let lowest = Infinity;
    for (let j = k; j <= n; j++) {
      lowest = Math.min(lowest, prefix[j - k]);
      if (prefix[j] - lowest >= 0) return true;
    }
    return false;
  };
  let lo = scores.reduce((m, x) => Math.min(m, x), Infinity);
  let hi = scores.reduce((m, x) => Math.max(m, x), -Infinity);
  while (hi - lo > 1e-7) {
    const mid = (lo + hi) / 2;
    if (someRunReaches(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
