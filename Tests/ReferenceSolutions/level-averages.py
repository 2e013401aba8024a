from collections import deque


def level_averages(tree):
    if not tree or tree[0] is None:
        return []
    # Walk the level-order array directly: each present node owns the next two slots.
    root = [tree[0], None, None]
    queue = deque([root])
    i = 1
    while queue and i < len(tree):
        node = queue.popleft()
        for side in (1, 2):
            if i < len(tree) and tree[i] is not None:
                child = [tree[i], None, None]
                node[side] = child
                queue.append(child)
            i += 1
    result = []
    level = [root]
    while level:
        result.append(sum(n[0] for n in level) / len(level))
        level = [c for n in level for c in (n[1], n[2]) if c is not None]
    return result
