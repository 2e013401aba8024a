function longest_nesting(crates) {
  const norm = crates.map(([w, d]) => [Math.min(w, d), Math.max(w, d)]);
  norm.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : b[1] - a[1]));
  const tails = [];
  for (const [, longSide] of norm) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < longSide) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = longSide;
  }
  return tails.length;
}
