def best_average(scores, k):
    def some_run_reaches(avg):
        # Is there a run of length >= k whose sum of (score - avg) is >= 0?
        prefix = [0.0]
        for s in scores:
            prefix.append(prefix[-1] + s - avg)
        lowest = float("inf")
        for j in range(k, len(scores) + 1):
            lowest = min(lowest, prefix[j - k])
            if prefix[j] - lowest >= 0:
                return True
        return False

    lo, hi = float(min(scores)), float(max(scores))
    while hi - lo > 1e-7:
        mid = (lo + hi) / 2
        if some_run_reaches(mid):
            lo = mid
        else:
            hi = mid
    return lo
