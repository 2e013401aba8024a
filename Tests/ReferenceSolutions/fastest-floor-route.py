import heapq


def fastest_route(floor):
    rows, cols = len(floor), len(floor[0])
    if floor[0][0] < 0 or floor[rows - 1][cols - 1] < 0:
        return -1
    inf = float("inf")
    best = [[inf] * cols for _ in range(rows)]
    best[0][0] = floor[0][0]
    heap = [(floor[0][0], 0, 0)]
    while heap:
        t, r, c = heapq.heappop(heap)
        if t > best[r][c]:
            continue  # stale entry
        if r == rows - 1 and c == cols - 1:
            return t
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and floor[nr][nc] >= 0:
                nt = t + floor[nr][nc]
                if nt < best[nr][nc]:
                    best[nr][nc] = nt
                    heapq.heappush(heap, (nt, nr, nc))
    return -1
