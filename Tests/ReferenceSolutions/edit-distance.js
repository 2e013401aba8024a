function edit_distance(a, b) {
  // Compare by code point, like Python string indexing.
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = [];
  for (let j = 0; j <= t.length; j++) prev.push(j);
  for (let i = 1; i <= s.length; i++) {
    const cur = new Array(t.length + 1).fill(0);
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      if (s[i - 1] === t[j - 1]) {
        cur[j] = prev[j - 1];
      } else {
        cur[j] = 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
      }
    }
    prev = cur;
  }
  return prev[t.length];
}
