def min_window(s, t):
    if not t:
        return ""
    need = {}
    for ch in t:
        need[ch] = need.get(ch, 0) + 1
    missing = len(t)
    left = 0
    best = (float("inf"), 0)
    for right, ch in enumerate(s):
        if need.get(ch, 0) > 0:
            missing -= 1
        need[ch] = need.get(ch, 0) - 1
        while missing == 0:
            if right - left + 1 < best[0]:
                best = (right - left + 1, left)
            out = s[left]
            need[out] += 1
            if need[out] > 0:
                missing += 1
            left += 1
    length, start = best
    return "" if length == float("inf") else s[start:start + length]
