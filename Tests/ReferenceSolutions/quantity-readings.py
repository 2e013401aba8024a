MOD = 1_000_000_007


def count_readings(s, k):
    n = len(s)
    width = len(str(k))
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        total = 0
        for j in range(max(0, i - width), i):
            if s[j] == "0" or ways[j] == 0:
                continue
            if int(s[j:i]) <= k:
                total += ways[j]
        ways[i] = total % MOD
    return ways[n]
