function ladder_length(begin, end, words) {
  if (begin === end) return 1;
  const allowed = new Set(words);
  if (!allowed.has(end)) return 0;
  const buckets = new Map();
  const everything = new Set(allowed);
  everything.add(begin);
  for (const w of everything) {
    const chars = Array.from(w);
    for (let i = 0; i < chars.length; i++) {
      const key = chars.slice(0, i).join("") + "*" + chars.slice(i + 1).join("");
      if (!buckets.has(key)) buckets.set(key, []);
      buckets.get(key).push(w);
    }
  }
  const seen = new Set([begin]);
  const queue = [[begin, 1]];
  let head = 0;
  while (head < queue.length) {
    const [word, dist] = queue[head++];
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i++) {
      const key = chars.slice(0, i).join("") + "*" + chars.slice(i + 1).join("");
      for (const nxt of buckets.get(key) || []) {
        if (seen.has(nxt) || !allowed.has(nxt)) continue;
        if (nxt === end) return dist + 1;
        seen.add(nxt);
        queue.push([nxt, dist + 1]);
      }
      buckets.set(key, []);
    }
  }
  return 0;
}
