from collections import deque


def minutes_to_soak(plan):
    rows = len(plan)
    cols = len(plan[0]) if rows else 0
    minute = [[-1] * cols for _ in range(rows)]
    queue = deque()
    dry = 0
    for r in range(rows):
        for c in range(cols):
            if plan[r][c] == "W":
                minute[r][c] = 0
                queue.append((r, c))
            elif plan[r][c] == ".":
                dry += 1
    last = 0
    while queue:
        r, c = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and plan[nr][nc] == "." and minute[nr][nc] == -1:
                minute[nr][nc] = minute[r][c] + 1
                last = minute[nr][nc]
                dry -= 1
                queue.append((nr, nc))
    return last if dry == 0 else -1
