function assign_panels(n, conflicts) {
  const adj = [];
  for (let i = 0; i < n; i++) adj.push([]);
  for (const [a, b] of conflicts) {
    if (a === b) return [];
    adj[a].push(b);
    adj[b].push(a);
  }
  const panel = new Array(n).fill(-1);
  for (let start = 0; start < n; start++) {
    if (panel[start] !== -1) continue;
    panel[start] = 0;
    const queue = [start];
    let head = 0;
    while (head < queue.length) {
      const u = queue[head++];
      for (const v of adj[u]) {
        if (panel[v] === -1) {
          panel[v] = 1 - panel[u];
          queue.push(v);
        } else if (panel[v] === panel[u]) {
          return [];
        }
      }
    }
  }
  return panel;
}
