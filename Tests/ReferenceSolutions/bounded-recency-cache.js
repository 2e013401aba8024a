function run_cache(capacity, operations) {
  // A Map iterates in insertion order: re-inserting a key moves it to the most recent end.
  const cache = new Map();
  const results = [];
  for (const op of operations) {
    if (op[0] === "get") {
      const key = op[1];
      if (cache.has(key)) {
        const value = cache.get(key);
        cache.delete(key);
        cache.set(key, value);
        results.push(value);
      } else {
        results.push(-1);
      }
    } else {
      const key = op[1];
      const value = op[2];
      cache.delete(key);
      cache.set(key, value);
      if (cache.size > capacity) {
        cache.delete(cache.keys().next().value);
      }
    }
  }
  return results;
}
