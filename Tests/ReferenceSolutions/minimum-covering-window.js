function min_window(s, t) {
  if (!t) return "";
  const chars = Array.from(s); // code points, like Python
  const need = new Map();
  for (const ch of t) need.set(ch, (need.get(ch) || 0) + 1);
  let missing = Array.from(t).length;
  let left = 0;
  let bestLength = Infinity;
  let bestStart = 0;
  for (let right = 0; right < chars.length; right++) {
    const ch = chars[right];
    if ((need.get(ch) || 0) > 0) missing -= 1;
    need.set(ch, (need.get(ch) || 0) - 1);
    while (missing === 0) {
      if (right - left + 1 < bestLength) {
        bestLength = right - left + 1;
        bestStart = left;
      }
      const out = chars[left];
      need.set(out, need.get(out) + 1);
      if (need.get(out) > 0) missing += 1;
      left += 1;
    }
  }
  return bestLength === Infinity ? "" : chars.slice(bestStart, bestStart + bestLength).join("");
}
