function cheapest_route(n, flights, src, dst, k) {
  let cost = new Array(n).fill(Infinity);
  cost[src] = 0;
  // Bellman-Ford limited to k + 1 edges: each round extends paths by one flight.
  for (let round = 0; round < k + 1; round++) {
    const nxt = cost.slice();
    for (const [u, v, price] of flights) {
      if (cost[u] + price < nxt[v]) {
        nxt[v] = cost[u] + price;
      }
    }
    cost = nxt;
  }
  return cost[dst] !== Infinity ? cost[dst] : -1;
}
