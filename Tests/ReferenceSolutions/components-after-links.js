function components_after_each(n, links) {
  const parent = new Array(n);
  const size = new Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;

  function find(x) {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  let components = n;
  const result = [];
  for (const [a, b] of links) {
    let ra = find(a);
    let rb = find(b);
    if (ra !== rb) {
      if (size[ra] < size[rb]) {
        const t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
      components -= 1;
    }
    result.push(components);
  }
  return result;
}
