def min_compaction_cost(sizes):
    n = len(sizes)
    if n < 2:
        return 0
    prefix = [0]
    for s in sizes:
        prefix.append(prefix[-1] + s)
    cost = [[0] * n for _ in range(n)]
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length - 1
            row_i = cost[i]
            best = min(row_i[m] + cost[m + 1][j] for m in range(i, j))
            row_i[j] = best + prefix[j + 1] - prefix[i]
    return cost[0][n - 1]
