def right_side_view(tree):
    if not tree or tree[0] is None:
        return []
    # Build explicit nodes: [value, left, right].
    root = [tree[0], None, None]
    pending = [root]
    head = 0
    i = 1
    while head < len(pending) and i < len(tree):
        node = pending[head]
        head += 1
        for side in (1, 2):
            if i < len(tree) and tree[i] is not None:
                child = [tree[i], None, None]
                node[side] = child
                pending.append(child)
            i += 1
    view = []
    level = [root]
    while level:
        view.append(level[-1][0])
        level = [c for n in level for c in (n[1], n[2]) if c is not None]
    return view
