from collections import deque


def assign_panels(n, conflicts):
    adj = [[] for _ in range(n)]
    for a, b in conflicts:
        if a == b:
            return []
        adj[a].append(b)
        adj[b].append(a)
    panel = [-1] * n
    # Starting each group from its lowest-numbered reviewer puts that reviewer on panel 0.
    for start in range(n):
        if panel[start] != -1:
            continue
        panel[start] = 0
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v in adj[u]:
                if panel[v] == -1:
                    panel[v] = 1 - panel[u]
                    queue.append(v)
                elif panel[v] == panel[u]:
                    return []
    return panel
