function min_compaction_cost(sizes) {
  const n = sizes.length;
  if (n < 2) return 0;
  const prefix = [0];
  for (const s of sizes) prefix.push(prefix[prefix.length - 1] + s);
  const cost = [];
  for (let i = 0; i < n; i++) cost.push(new Array(n).fill(0));
  for (let length = 2; length <= n; length++) {
    for (let i = 0; i + length - 1 < n; i++) {
      const j = i + length - 1;
      let best = Infinity;
      for (let m = i; m < j; m++) {
        const c = cost[i][m] + cost[m + 1][j];
        if (c < best) best = c;
      }
      cost[i][j] = best + prefix[j + 1] - prefix[i];
    }
  }
  return cost[0][n - 1];
}
