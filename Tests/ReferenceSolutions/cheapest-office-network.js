function min_network_cost(n, existing, quotes) {
  const parent = [];
  for (let i = 0; i < n; i++) parent.push(i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let groups = n;
  for (const [a, b] of existing) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent[ra] = rb;
      groups -= 1;
    }
  }
  const sorted = quotes.slice().sort((x, y) => x[2] - y[2]);
  let total = 0;
  for (const [a, b, cost] of sorted) {
    if (groups === 1) break;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent[ra] = rb;
      groups -= 1;
      total += cost;
    }
  }
  return groups === 1 ? total : -1;
}
