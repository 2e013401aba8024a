def count_bundles(prices, budget):
    p = sorted(prices)
    n = len(p)
    count = 0
    for i in range(n - 2):
        if 3 * p[i] > budget:
            break
        j, k = i + 1, n - 1
        while j < k:
            if p[i] + p[j] + p[k] <= budget:
                count += k - j
                j += 1
            else:
                k -= 1
    return count
