function right_side_view(tree) {
  if (!tree || tree.length === 0 || tree[0] === null || tree[0] === undefined) return [];
  const present = (v) => v !== null && v !== undefined;
  // Build explicit nodes: [value, left, right].
  const root = [tree[0], null, null];
  const pending = [root];
  let head = 0;
  let i = 1;
  while (head < pending.length && i < tree.length) {
    const node = pending[head++];
    for (const side of [1, 2]) {
      if (i < tree.length && present(tree[i])) {
        const child = [tree[i], null, null];
        node[side] = child;
        pending.push(child);
      }
      i += 1;
    }
  }
  const view = [];
  let level = [root];
  while (level.length > 0) {
    view.push(level[level.length - 1][0]);
    const next = [];
    for (const n of level) {
      if (n[1] !== null) next.push(n[1]);
      if (n[2] !== null) next.push(n[2]);
    }
    level = next;
  }
  return view;
}
