import heapq
from collections import defaultdict


def window_medians(nums, k):
    if not nums or k <= 0 or k > len(nums):
        return []
    low, high = [], []  # low: max-heap (negated), high: min-heap
    delayed = defaultdict(int)
    low_size = high_size = 0

    def prune(heap, sign):
        while heap and delayed[sign * heap[0]] > 0:
            delayed[sign * heap[0]] -= 1
            heapq.heappop(heap)

    def rebalance():
        nonlocal low_size, high_size
        if low_size > high_size + 1:
            heapq.heappush(high, -heapq.heappop(low))
            low_size -= 1
            high_size += 1
            prune(low, -1)
        elif low_size < high_size:
            heapq.heappush(low, -heapq.heappop(high))
            high_size -= 1
            low_size += 1
            prune(high, 1)

    def add(x):
        nonlocal low_size, high_size
        if not low or x <= -low[0]:
            heapq.heappush(low, -x)
            low_size += 1
        else:
            heapq.heappush(high, x)
            high_size += 1
        rebalance()

    def remove(x):
        nonlocal low_size, high_size
        delayed[x] += 1
        if x <= -low[0]:
            low_size -= 1
            if x == -low[0]:
                prune(low, -1)
        else:
            high_size -= 1
            if high and x == high[0]:
                prune(high, 1)
        rebalance()

    def median():
        if k % 2:
            return float(-low[0])
        return (-low[0] + high[0]) / 2

    for x in nums[:k]:
        add(x)
    result = [median()]
    for i in range(k, len(nums)):
        add(nums[i])
        remove(nums[i - k])
        result.append(median())
    return result
