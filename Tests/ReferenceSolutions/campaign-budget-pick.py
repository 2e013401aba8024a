def best_campaigns(budget, costs, gains):
    best = [0] * (budget + 1)
    for cost, gain in zip(costs, gains):
        for b in range(budget, cost - 1, -1):
            candidate = best[b - cost] + gain
            if candidate > best[b]:
                best[b] = candidate
    return best[budget]
