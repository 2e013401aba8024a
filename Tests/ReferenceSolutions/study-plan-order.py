import heapq


def study_order(n, prereqs):
    out_edges = [[] for _ in range(n)]
    indegree = [0] * n
    for before, after in prereqs:
        out_edges[before].append(after)
        indegree[after] += 1
    ready = [c for c in range(n) if indegree[c] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        c = heapq.heappop(ready)
        order.append(c)
        for nxt in out_edges[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, nxt)
    return order if len(order) == n else []
