def cheapest_route(n, flights, src, dst, k):
    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    # Bellman-Ford limited to k + 1 edges: each round extends paths by one flight.
    for _ in range(k + 1):
        nxt = list(cost)
        for u, v, price in flights:
            if cost[u] + price < nxt[v]:
                nxt[v] = cost[u] + price
        cost = nxt
    return cost[dst] if cost[dst] != inf else -1
