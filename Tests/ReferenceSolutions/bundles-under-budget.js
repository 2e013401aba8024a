function count_bundles(prices, budget) {
  const p = Array.from(prices).sort((a, b) => a - b);
  const n = p.length;
  let count = 0;
  for (let i = 0; i < n - 2; i++) {
    if (3 * p[i] > budget) break;
    let j = i + 1;
    let k = n - 1;
    while (j < k) {
      if (p[i] + p[j] + p[k] <= budget) {
        count += k - j;
        j++;
      } else {
        k--;
      }
    }
  }
  return count;
}
