from bisect import bisect_left


def longest_nesting(crates):
    # With quarter turns allowed, compare crates with the shorter side first.
    norm = sorted(((min(w, d), max(w, d)) for w, d in crates), key=lambda c: (c[0], -c[1]))
    tails = []  # tails[k]: smallest long side ending a chain of k + 1 crates
    for _, long_side in norm:
        k = bisect_left(tails, long_side)
        if k == len(tails):
            tails.append(long_side)
        else:
            tails[k] = long_side
    return len(tails)
