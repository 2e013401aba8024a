function max_path_sum(tree) {
  if (!tree || tree.length === 0 || tree[0] === null || tree[0] === undefined) return 0;
  const present = (v) => v !== null && v !== undefined;
  // Nodes are {value, left, right, gain}; built breadth-first from the level-order array.
  const nodes = [{ value: tree[0], left: null, right: null, gain: 0 }];
  let head = 0;
  let i = 1;
  while (head < nodes.length && i < tree.length) {
    const node = nodes[head++];
    for (const side of ["left", "right"]) {
      if (i < tree.length && present(tree[i])) {
        const child = { value: tree[i], left: null, right: null, gain: 0 };
        node[side] = child;
        nodes.push(child);
      }
      i += 1;
    }
  }
  // Post-order over the BFS list (children always come after parents).
  let best = -Infinity;
  for (let j = nodes.length - 1; j >= 0; j--) {
    const node = nodes[j];
    const left = node.left !== null ? Math.max(node.left.gain, 0) : 0;
    const right = node.right !== null ? Math.max(node.right.gain, 0) : 0;
    best = Math.max(best, node.value + left + right);
    node.gain = node.value + Math.max(left, right);
  }
  return best;
}
