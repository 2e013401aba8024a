from collections import deque


def ladder_length(begin, end, words):
    if begin == end:
        return 1
    allowed = set(words)
    if end not in allowed:
        return 0
    buckets = {}
    for w in allowed | {begin}:
        for i in range(len(w)):
            buckets.setdefault(w[:i] + "*" + w[i + 1:], []).append(w)
    seen = {begin}
    queue = deque([(begin, 1)])
    while queue:
        word, dist = queue.popleft()
        for i in range(len(word)):
            key = word[:i] + "*" + word[i + 1:]
            for nxt in buckets.get(key, ()):
                if nxt in seen or nxt not in allowed:
                    continue
                if nxt == end:
                    return dist + 1
                seen.add(nxt)
                queue.append((nxt, dist + 1))
            buckets[key] = []
    return 0
