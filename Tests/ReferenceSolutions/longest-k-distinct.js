function longest_k_distinct(s, k) {
  const chars = Array.from(s); // code points, like Python
  const counts = new Map();
  let left = 0;
  let best = 0;
  for (let right = 0; right < chars.length; right++) {
    const ch = chars[right];
    counts.set(ch, (counts.get(ch) || 0) + 1);
    while (counts.size > k) {
      const out = chars[left];
      const c = counts.get(out) - 1;
      if (c === 0) {
        counts.delete(out);
      } else {
        counts.set(out, c);
      }
      left += 1;
    }
    best = Math.max(best, right - left + 1);
  }
  return best;
}
