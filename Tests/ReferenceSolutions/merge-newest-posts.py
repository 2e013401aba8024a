import heapq


def merge_feeds(feeds, limit):
    # Min-heap on (-timestamp, post_id): newest first, smaller id first on ties.
    heap = [(-feed[0][0], feed[0][1], i, 0) for i, feed in enumerate(feeds) if feed]
    heapq.heapify(heap)
    shown = []
    seen = set()
    while heap and len(shown) < limit:
        _, post, i, j = heapq.heappop(heap)
        if post not in seen:
            seen.add(post)
            shown.append(post)
        if j + 1 < len(feeds[i]):
            t, p = feeds[i][j + 1]
            heapq.heappush(heap, (-t, p, i, j + 1))
    return shown
