def closest_shared_manager(parent, queries):
    n = len(parent)
    depth = [-1] * n
    for start in range(n):
        path = []
        v = start
        while v != -1 and depth[v] == -1:
            path.append(v)
            v = parent[v]
        d = -1 if v == -1 else depth[v]
        for u in reversed(path):
            d += 1
            depth[u] = d
    answers = []
    for a, b in queries:
        while depth[a] > depth[b]:
            a = parent[a]
        while depth[b] > depth[a]:
            b = parent[b]
        while a != b:
            a, b = parent[a], parent[b]
        answers.append(a)  # -1 when the two chains end at different top-level people
    return answers
