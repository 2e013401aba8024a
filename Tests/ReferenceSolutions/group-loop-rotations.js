function group_rotations(routes) {
  const groups = new Map(); // canonical (smallest) rotation -> routes, in first-seen order
  for (const r of routes) {
    let key = r;
    for (let i = 1; i < r.length; i++) {
      const rot = r.slice(i) + r.slice(0, i);
      if (rot < key) key = rot;
    }
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return Array.from(groups.values());
}
