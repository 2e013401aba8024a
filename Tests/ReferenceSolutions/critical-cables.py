def critical_links(n, links):
    adj = [[] for _ in range(n)]
    for i, (a, b) in enumerate(links):
        adj[a].append((b, i))
        adj[b].append((a, i))
    disc = [-1] * n
    low = [0] * n
    timer = 0
    result = []
    for root in range(n):
        if disc[root] != -1:
            continue
        disc[root] = low[root] = timer
        timer += 1
        # Iterative DFS: (node, id of the cable used to arrive, next neighbour index).
        stack = [[root, -1, 0]]
        while stack:
            frame = stack[-1]
            u, via, i = frame
            if i < len(adj[u]):
                frame[2] += 1
                v, eid = adj[u][i]
                if eid == via:
                    continue  # skip only the arrival cable, not a parallel twin
                if disc[v] == -1:
                    disc[v] = low[v] = timer
                    timer += 1
                    stack.append([v, eid, 0])
                else:
                    low[u] = min(low[u], disc[v])
            else:
                stack.pop()
                if stack:
                    p = stack[-1][0]
                    low[p] = min(low[p], low[u])
                    if low[u] > disc[p]:
                        result.append([min(p, u), max(p, u)])
    return result
