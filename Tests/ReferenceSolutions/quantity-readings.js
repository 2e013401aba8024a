function count_readings(s, k) {
  const MOD = 1000000007;
  const n = s.length;
  const width = String(k).length;
  const ways = new Array(n + 1).fill(0);
  ways[0] = 1;
  for (let i = 1; i <= n; i++) {
    let total = 0;
    for (let j = Math.max(0, i - width); j < i; j++) {
      if (s[j] === "0" || ways[j] === 0) continue;
      if (Number(s.slice(j, i)) <= k) total = (total + ways[j]) % MOD;
    }
    ways[i] = total;
  }
  return ways[n];
}
