import sys


def max_path_sum(tree):
    if not tree or tree[0] is None:
        return 0
    nodes = [[tree[0], None, None]]
    head, i = 0, 1
    while head < len(nodes) and i < len(tree):
        node = nodes[head]
        head += 1
        for side in (1, 2):
            if i < len(tree) and tree[i] is not None:
                child = [tree[i], None, None]
                node[side] = child
                nodes.append(child)
            i += 1
    # Post-order over the BFS list (children always come after parents).
    gain = {}
    best = -float("inf")
    for node in reversed(nodes):
        left = max(gain.get(id(node[1]), 0), 0) if node[1] is not None else 0
        right = max(gain.get(id(node[2]), 0), 0) if node[2] is not None else 0
        best = max(best, node[0] + left + right)
        gain[id(node)] = node[0] + max(left, right)
    return best
