import heapq


def k_closest(points, k):
    if k <= 0:
        return []
    heap = []  # max-heap of the k best seen so far, keyed by -distance
    for i, (x, y) in enumerate(points):
        item = (-(x * x + y * y), i)
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)
    return [list(points[i]) for _, i in heap]
