function critical_links(n, links) {
  const adj = [];
  for (let i = 0; i < n; i++) adj.push([]);
  links.forEach(([a, b], i) => {
    adj[a].push([b, i]);
    adj[b].push([a, i]);
  });
  const disc = new Array(n).fill(-1);
  const low = new Array(n).fill(0);
  let timer = 0;
  const result = [];
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    disc[root] = low[root] = timer++;
    // Frames: [node, id of the arrival cable, next neighbour index].
    const stack = [[root, -1, 0]];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const u = frame[0];
      if (frame[2] < adj[u].length) {
        const [v, eid] = adj[u][frame[2]++];
        if (eid === frame[1]) continue;
        if (disc[v] === -1) {
          disc[v] = low[v] = timer++;
          stack.push([v, eid, 0]);
        } else {
          low[u] = Math.min(low[u], disc[v]);
        }
      } else {
        stack.pop();
        if (stack.length > 0) {
          const p = stack[stack.length - 1][0];
          low[p] = Math.min(low[p], low[u]);
          if (low[u] > disc[p]) result.push([Math.min(p, u), Math.max(p, u)]);
        }
      }
    }
  }
  return result;
}
