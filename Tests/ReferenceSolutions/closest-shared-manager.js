function closest_shared_manager(parent, queries) {
  const n = parent.length;
  const depth = new Array(n).fill(-1);
  for (let start = 0; start < n; start++) {
    const path = [];
    let v = start;
    while (v !== -1 && depth[v] === -1) {
      path.push(v);
      v = parent[v];
    }
    let d = v === -1 ? -1 : depth[v];
    for (let i = path.length - 1; i >= 0; i--) {
      d += 1;
      depth[path[i]] = d;
    }
  }
  const answers = [];
  for (let [a, b] of queries) {
    while (depth[a] > depth[b]) a = parent[a];
    while (depth[b] > depth[a]) b = parent[b];
    while (a !== b) {
      a = parent[a];
      b = parent[b];
    }
    answers.push(a); // -1 when the chains end at different top-level people
  }
  return answers;
}
