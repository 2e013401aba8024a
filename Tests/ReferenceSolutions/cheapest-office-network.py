def min_network_cost(n, existing, quotes):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups = n
    for a, b in existing:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            groups -= 1
    total = 0
    for a, b, cost in sorted(quotes, key=lambda q: q[2]):
        if groups == 1:
            break
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            groups -= 1
            total += cost
    return total if groups == 1 else -1
