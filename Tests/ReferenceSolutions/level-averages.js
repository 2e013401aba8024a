function level_averages(tree) {
  if (!tree || tree.length === 0 || tree[0] === null || tree[0] === undefined) return [];
  const present = (v) => v !== null && v !== undefined;
  // Walk the level-order array directly: each present node owns the next two slots.
  const root = [tree[0], null, null];
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < tree.length) {
    const node = queue[head++];
    for (const side of [1, 2]) {
      if (i < tree.length && present(tree[i])) {
        const child = [tree[i], null, null];
        node[side] = child;
        queue.push(child);
      }
      i += 1;
    }
  }
  const result = [];
  let level = [root];
  while (level.length > 0) {
    let sum = 0;
    for (const n of level) sum += n[0];
    result.push(sum / level.length);
    const next = [];
    for (const n of level) {
      if (n[1] !== null) next.push(n[1]);
      if (n[2] !== null) next.push(n[2]);
    }
    level = next;
  }
  return result;
}
